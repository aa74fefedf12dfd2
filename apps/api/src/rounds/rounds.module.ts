import { Module } from '@nestjs/common';
import { ApplicantPrivacy } from './applicant-privacy';
import { RoundReads } from './round-reads';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';

@Module({ controllers: [RoundsController], providers: [RoundsService, RoundReads, ApplicantPrivacy] })
export class RoundsModule {}
