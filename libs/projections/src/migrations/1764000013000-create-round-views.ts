import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The counters of each post and each round, so every page and figure is read, not counted. */
const COUNTERS = [
  'applicants',
  'reviewed',
  'qualified',
  'written_present',
  'interview_present',
  'assessment_present',
  'shortlisted',
  'scored',
  'ranked',
  'ties_pending',
  'advanced',
  'physical_exam_passed',
  'physical_exam_failed',
  'inspection_passed',
  'inspection_failed',
  'in_progress',
  'hired',
  'dropped_out',
  'substitutions',
];

const counterColumns = COUNTERS.map((column) => `${column} integer NOT NULL DEFAULT 0`).join(',\n        ');

export class CreateRoundViews1764000013000 implements MigrationInterface {
  name = 'CreateRoundViews1764000013000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE round_list (
        round_id            text PRIMARY KEY,
        division_code       text NOT NULL,
        year                integer NOT NULL,
        channel             text NOT NULL,
        title               text NOT NULL,
        method              text NOT NULL,
        status              text NOT NULL,
        announced_on        date NOT NULL,
        terms               jsonb NOT NULL,
        post_count          integer NOT NULL,
        places              integer NOT NULL,
        places_reserved     integer NOT NULL DEFAULT 0,
        reservation_refused text,
        ${counterColumns},
        unfilled            integer,
        announced_at        timestamptz NOT NULL,
        recorded_at         timestamptz NOT NULL,
        approved_at         timestamptz,
        closed_at           timestamptz,
        updated_at          timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX round_list_announced_idx ON round_list (announced_at DESC, round_id DESC)');
    await queryRunner.query('CREATE INDEX round_list_year_idx ON round_list (year, channel, status)');
    await queryRunner.query(`
      CREATE TABLE round_posts (
        round_id   text NOT NULL,
        post_code  text NOT NULL,
        position   integer NOT NULL,
        unit       text NOT NULL,
        title      text NOT NULL,
        places     integer NOT NULL,
        conditions text,
        cutoff     double precision,
        ${counterColumns},
        unfilled   integer,
        PRIMARY KEY (round_id, post_code)
      )`);
    // No 身份证号 or 手机号 here: the roster's events carry them only as ciphertext, and a read model
    // that never holds them cannot leak them.
    await queryRunner.query(`
      CREATE TABLE round_applicants (
        round_id             text NOT NULL,
        ticket               text NOT NULL,
        post_code            text NOT NULL,
        name                 text NOT NULL,
        gender               text NOT NULL,
        ethnicity            text,
        birth_month          text,
        political_status     text,
        education            text,
        degree               text,
        school               text,
        major                text,
        professional_title   text,
        qualification        text NOT NULL,
        qualification_reason text,
        written              double precision,
        written_absent       boolean NOT NULL,
        interview            double precision,
        interview_absent     boolean NOT NULL,
        assessment           double precision,
        assessment_absent    boolean NOT NULL,
        shortlisted          boolean NOT NULL,
        composite            double precision,
        rank                 integer,
        tie_pending          boolean NOT NULL,
        advanced             boolean NOT NULL,
        substitute_number    integer,
        replaced             boolean NOT NULL,
        case_id              text,
        case_stage           text,
        furthest_stage       text,
        case_outcome         text,
        case_result          text,
        registered_at        timestamptz NOT NULL,
        updated_at           timestamptz NOT NULL,
        PRIMARY KEY (round_id, ticket)
      )`);
    // The ranking order of a post, unranked last: pages and name lists walk it.
    await queryRunner.query(
      `CREATE INDEX round_applicants_ranking_idx
         ON round_applicants (round_id, post_code, (coalesce(rank, 2147483647)), ticket)`,
    );
    await queryRunner.query(
      'CREATE INDEX round_applicants_case_idx ON round_applicants (case_id) WHERE case_id IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE round_applicants');
    await queryRunner.query('DROP TABLE round_posts');
    await queryRunner.query('DROP TABLE round_list');
  }
}
