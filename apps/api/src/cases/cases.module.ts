import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { CaseOpeningService } from './case-opening.service';
import { CasesService } from './cases.service';

@Module({ controllers: [CasesController], providers: [CasesService, CaseOpeningService], exports: [CasesService] })
export class CasesModule {}
