import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ApplicantPrivacy } from './applicant-privacy';
import { CandidateResults } from './candidate-results';
import { RoundReads } from './round-reads';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';

@Module({
  imports: [CasesModule],
  controllers: [RoundsController],
  providers: [RoundsService, RoundReads, ApplicantPrivacy, CandidateResults],
})
export class RoundsModule {}
