import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { byDueThenId, ERASE_BUCKETS, eraseBucket, mergePatch, PruneSchedule, toJson } from '../../src/store/shared.js';

describe('store shared helpers', function () {
  describe('PruneSchedule', function () {
    it('prunes on the first claim, then at most once per interval of the caller’s clock', function () {
      const p = new PruneSchedule({ seenKeyTtlMs: 1000, pruneEveryMs: 60_000 });
      const t0 = Date.UTC(2025, 0, 6);
      expect(p.due(t0)).to.equal(t0 - 1000);
      for (const t of [t0, t0 + 1, t0 + 59_999]) expect(p.due(t), String(t - t0)).to.equal(undefined);
      expect(p.due(t0 + 60_000)).to.equal(t0 + 60_000 - 1000);
      expect(p.due(t0 + 60_001)).to.equal(undefined);
      // A clock that steps back does not prune again.
      expect(p.due(t0)).to.equal(undefined);
    });

    it('defaults: keys kept 7 days, pruned at most hourly', function () {
      const p = new PruneSchedule({});
      expect(p.ttlMs).to.equal(7 * 24 * 3600_000);
      expect(p.due(0)).to.equal(-p.ttlMs);
      expect(p.due(3600_000 - 1)).to.equal(undefined);
      expect(p.due(3600_000)).to.equal(3600_000 - p.ttlMs);
    });
  });

  it('toJson refuses what JSON cannot hold', function () {
    expect(toJson({ a: [1, 'x', null] })).to.equal('{"a":[1,"x",null]}');
    for (const v of [undefined, () => 1, Symbol('s')]) expect(() => toJson(v)).to.throw(TypeError, 'not JSON-serialisable');
    expect(() => toJson(1n)).to.throw(TypeError);
  });

  it('mergePatch leaves keys the patch sets to undefined as they were', function () {
    expect(mergePatch({ a: 1, b: 2 }, { a: undefined, b: 3 })).to.deep.equal({ a: 1, b: 3 });
  });

  it('byDueThenId orders by due time, then id', function () {
    const r = (id: string, nextDueAt: number) => ({ id, personId: 'p', surface: 'slack' as const, days: [], time: '', timeZone: '', target: '', nextDueAt });
    expect([r('b', 2), r('c', 1), r('a', 2)].sort(byDueThenId).map((x) => x.id)).to.deep.equal(['c', 'a', 'b']);
  });

  it('eraseBucket is the hash bucket of the person, the same after many other people (kept ones are bounded)', function () {
    const hashed = (id: string) => createHash('sha256').update(id).digest().readUInt16BE(0) % ERASE_BUCKETS;
    expect(eraseBucket('alexa:someone')).to.equal(hashed('alexa:someone'));
    for (let i = 0; i < 10_050; i++) expect(eraseBucket(`slack:T1:U${i}`)).to.be.within(0, ERASE_BUCKETS - 1);
    expect(eraseBucket('alexa:someone')).to.equal(hashed('alexa:someone'));
    expect(eraseBucket('slack:T1:U7')).to.equal(hashed('slack:T1:U7'));
  });
});
