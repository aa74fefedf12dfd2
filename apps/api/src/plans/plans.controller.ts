import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@talent/domain';
import { Allow } from '@talent/platform';
import { CurrentActor } from '../identity/current-actor.decorator';
import { OpenPlanDto } from './open-plan.dto';
import { PlansService } from './plans.service';
import { ApiYearParam, YearParam } from '../validation/year-param';

@ApiTags('plans')
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get(':year')
  @ApiYearParam()
  @Allow('hr_officer', 'approver', 'auditor', 'admin')
  @ApiOperation({ summary: "The year's posts (编制储备) and talent fund: total, reserved, used, committed, disbursed" })
  @ApiOkResponse({
    schema: {
      example: {
        year: 2023,
        divisionCode: '530000',
        quotas: {
          high_level_talent: { total: 10, reserved: 2, used: 1, available: 7 },
          shortage_talent: { total: 10, reserved: 0, used: 10, available: 0 },
        },
        fund: { totalCny: 5000000, committedCny: 700000, disbursedCny: 450000, returnedCny: 0, availableCny: 4300000 },
      },
    },
  })
  @ApiNotFoundResponse({ description: 'The year has no plan yet' })
  get(@YearParam() planYear: number, @CurrentActor() _actor: Actor) {
    return this.plans.get(planYear);
  }

  @Post(':year')
  @ApiYearParam()
  @Allow('admin')
  @ApiOperation({ summary: "Open a year's plan with its own figures (admin); otherwise it opens with the defaults" })
  @ApiCreatedResponse({ description: 'The opened plan' })
  @ApiConflictResponse({ description: 'The year already has a plan' })
  open(@YearParam() planYear: number, @Body() dto: OpenPlanDto, @CurrentActor() actor: Actor) {
    return this.plans.open(planYear, dto, actor);
  }
}
