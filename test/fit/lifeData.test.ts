import { describe, expect, it } from 'vitest';
import { LifeDataError, lifeDataFrom, parseLifeData } from '../../src/fit/lifeData.js';

function messageOf(text: string): string {
  try {
    parseLifeData(text, 'data.csv');
  } catch (error) {
    expect(error).toBeInstanceOf(LifeDataError);
    return (error as Error).message;
  }
  throw new Error('expected a LifeDataError');
}

describe('parseLifeData', () => {
  it('reads failures, suspensions, intervals, left-censored rows and counts', () => {
    const data = parseLifeData(
      '# comment\r\nTime,Status,time_hi,count\r\n5,F,,2\r\n7,S,,1\r\n\r\n0,F,3,4\r\n2,F,6,1\r\n8,F,8,1\r\n',
    );
    expect(data.observations).toEqual([
      { kind: 'failure', time: 5, timeHi: 5, count: 2 },
      { kind: 'suspension', time: 7, timeHi: 7, count: 1 },
      { kind: 'interval', time: 0, timeHi: 3, count: 4 },
      { kind: 'interval', time: 2, timeHi: 6, count: 1 },
      { kind: 'failure', time: 8, timeHi: 8, count: 1 },
    ]);
    expect(data.n).toEqual({ failures: 3, suspensions: 1, intervals: 5 });
  });

  it('takes the columns in any order', () => {
    expect(parseLifeData('status,time\nF,3\n').observations).toEqual([
      { kind: 'failure', time: 3, timeHi: 3, count: 1 },
    ]);
  });

  it.each([
    ['time,status\n-1,F\n', 'data.csv:2:1: time: expected a finite time ≥ 0; got -1'],
    ['time,status\nabc,F\n', 'data.csv:2:1: time: expected a finite number; got "abc"'],
    ['time,status\n4,X\n', 'data.csv:2:3: status: expected F (failure) or S (suspension); got "X"'],
    ['time,status\n4\n', 'data.csv:2:2: expected 2 cells (time,status); got 1'],
    ['time,status\n4,F,9\n', 'data.csv:2:5: expected 2 cells (time,status); got 3'],
    [
      'time,status,time_hi\n5,F,3\n',
      'data.csv:2:5: time_hi: expected a finite end ≥ time (5); got 3',
    ],
    [
      'time,status,time_hi\n5,S,9\n',
      'data.csv:2:3: status: a row with time_hi is a failure found in an interval, so expected F; got S',
    ],
    [
      'time,status,count\n5,F,1.5\n',
      'data.csv:2:5: count: expected a whole number of units from 1 to 1000000000; got 1.5',
    ],
    [
      'time,status,count\n5,F,0\n',
      'data.csv:2:5: count: expected a whole number of units from 1 to 1000000000; got 0',
    ],
    [
      'time,status\n0,F\n',
      'data.csv:2:1: time: expected a failure time > 0; got 0 (a failure before t is written time 0, time_hi t)',
    ],
    [
      'time,state\n1,F\n',
      'data.csv:1:6: expected a column among time, status, time_hi, count; got "state"\n' +
        'data.csv:1: expected a column "status" in the header; got time,state',
    ],
    ['time,time,status\n1,1,F\n', 'data.csv:1:6: expected each column once; got "time" again'],
    ['', 'data.csv: expected a header line naming the columns time,status; got no lines'],
    ['time,status\n', 'data.csv:1: expected data rows after the header; got none'],
    [
      'time,status\n4,S\n5,S\n',
      'data.csv: a fit needs at least one failure (an F row or an interval); got 2 suspensions only',
    ],
  ])('refuses %j with a located message', (text, message) => {
    expect(messageOf(text)).toBe(message);
  });

  it('lists every bad row, not only the first', () => {
    expect(messageOf('time,status\n-1,F\n2,F\n3,Q\n').split('\n')).toEqual([
      'data.csv:2:1: time: expected a finite time ≥ 0; got -1',
      'data.csv:4:3: status: expected F (failure) or S (suspension); got "Q"',
    ]);
  });
});

describe('lifeDataFrom', () => {
  it('applies the same checks, located by row', () => {
    expect(() =>
      lifeDataFrom([
        { kind: 'failure', time: 1 },
        { kind: 'interval', time: 4, timeHi: 2 },
      ]),
    ).toThrow('<input>:2: time_hi: expected a finite end ≥ time (4); got 2');
    expect(() => lifeDataFrom([{ kind: 'suspension', time: 1 }])).toThrow(
      'a fit needs at least one failure',
    );
  });
});

describe('parseLifeData reads quoted cells as spreadsheets write them', () => {
  it('reads a quoted header and quoted values', () => {
    const data = parseLifeData('"time","status","count"\n"10.5","F",2\n"20","S","1"\n', 'q.csv');
    expect(data.observations.map((o) => [o.kind, o.time, o.count ?? 1])).toEqual([
      ['failure', 10.5, 2],
      ['suspension', 20, 1],
    ]);
  });

  it('locates a bad quoted cell at its opening quote', () => {
    expect(() => parseLifeData('time,status\n10, "X"\n', 'q.csv')).toThrow(/^q\.csv:2:5: /);
  });
});

describe('parseLifeData refuses what it cannot read exactly', () => {
  it('locates a quote left open', () => {
    expect(() => parseLifeData('time,status\n"10","F\n', 'q.csv')).toThrow(
      /^q\.csv:2:6: expected the quote opened here to close before the end of the line/,
    );
  });

  it('refuses a count beyond 10^9 (beyond 2^53 it would not even be read exactly)', () => {
    expect(() => parseLifeData('time,status,count\n10,F,9007199254740993\n', 'c.csv')).toThrow(
      /^c\.csv:2:6: count: expected a whole number of units from 1 to 1000000000/,
    );
    expect(parseLifeData('time,status,count\n10,F,1000000000\n').n.failures).toBe(1e9);
  });
});
