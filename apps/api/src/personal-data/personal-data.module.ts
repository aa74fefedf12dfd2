import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, requireApiSecrets } from '@talent/platform';
import { PiiCipher } from '@talent/personal-data';
import { SubjectPrivacy } from './subject-privacy';

@Global()
@Module({
  providers: [
    {
      provide: PiiCipher,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        PiiCipher.fromBase64(requireApiSecrets(config).PII_ENCRYPTION_KEY, config.PII_PREVIOUS_KEYS),
    },
    SubjectPrivacy,
  ],
  exports: [SubjectPrivacy, PiiCipher],
})
export class PersonalDataModule {}
