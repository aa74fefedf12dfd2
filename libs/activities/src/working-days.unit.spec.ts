import { calendarDaysLeft, calendarNoticeEndsAt, lastNoticeDay, noticeEndsAt, workingDaysLeft } from './working-days';

const beijing = (dateTime: string) => new Date(`${dateTime}+08:00`);

describe('public notice of five working days (公示期不少于5个工作日)', () => {
  it('counts Monday to Friday in an ordinary week', () => {
    expect(lastNoticeDay(beijing('2023-06-05T09:00:00'), 5)).toBe('2023-06-09');
    expect(noticeEndsAt(beijing('2023-06-05T09:00:00'), 5)).toEqual(beijing('2023-06-10T00:00:00'));
  });

  it('starts on the next working day when published at a weekend', () => {
    expect(lastNoticeDay(beijing('2023-06-03T10:00:00'), 5)).toBe('2023-06-09');
  });

  it('skips the National Day holiday and counts its make-up working days (调休)', () => {
    // 2023-09-29 to 10-06 off; Saturday 10-07 and Sunday 10-08 worked.
    expect(lastNoticeDay(beijing('2023-09-28T09:00:00'), 5)).toBe('2023-10-10');
  });

  it('honours the county’s own additions to the calendar', () => {
    expect(lastNoticeDay(beijing('2023-06-05T09:00:00'), 5, { extraHolidays: ['2023-06-07'] })).toBe('2023-06-12');
    expect(lastNoticeDay(beijing('2023-06-03T10:00:00'), 5, { extraWorkdays: ['2023-06-03'] })).toBe('2023-06-08');
  });

  it('scales days for tests while keeping the working-day count', () => {
    const start = beijing('2023-06-03T10:00:00');

    expect(noticeEndsAt(start, 5, 1000).getTime() - start.getTime()).toBe(7 * 1000);
  });
});

describe('public notice of seven days (公示期7天)', () => {
  it('counts every day from the day it is published, holidays included', () => {
    expect(calendarNoticeEndsAt(beijing('2023-09-28T09:00:00'), 7)).toEqual(beijing('2023-10-05T00:00:00'));
  });

  it('scales days for tests', () => {
    expect(calendarNoticeEndsAt(beijing('2023-06-05T09:00:00'), 7, 1000)).toEqual(beijing('2023-06-05T09:00:07'));
  });
});

describe('the working days a notice has left (公示倒计时)', () => {
  const endsAt = beijing('2023-10-11T00:00:00'); // a notice whose last day is Tuesday 10-10

  it('counts today and the working days to the last, skipping the holiday and counting 调休', () => {
    // 09-28 (Thu), then 10-07 and 10-08 (make-up), 10-09, 10-10.
    expect(workingDaysLeft(beijing('2023-09-28T15:00:00'), endsAt)).toBe(5);
    expect(workingDaysLeft(beijing('2023-10-10T23:59:00'), endsAt)).toBe(1);
  });

  it('has none left once the notice is over, and honours the county’s own holidays', () => {
    expect(workingDaysLeft(endsAt, endsAt)).toBe(0);
    expect(workingDaysLeft(beijing('2023-10-09T09:00:00'), endsAt, { extraHolidays: ['2023-10-09'] })).toBe(1);
    // A calendar-day 公示 counts the holiday too.
    expect(calendarDaysLeft(beijing('2023-09-28T15:00:00'), endsAt)).toBe(13);
    expect(calendarDaysLeft(endsAt, endsAt)).toBe(0);
  });
});
