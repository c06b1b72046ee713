/**
 * The partition must cut wherever the evaluator's path plans branch: every address that gives a
 * packet a different topology (an owner region or a service frontend, from the evaluator's
 * `./model`) is an address alone in its atom, and every frontend port starts a port atom.
 */
import { World } from '@calico-dsl/evaluator';
import { frontendRegions, ownerRegions, sourceOwner } from '@calico-dsl/evaluator/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryWorld } from '../../evaluator/test/helpers/arbitrary-world.js';
import { cellContext } from '../src/cells.js';
import { buildPartition } from '../src/partition.js';
import { breaksFor } from '../src/relevance.js';

describe('atoms refine the evaluator topologies', () => {
  it('node, host endpoint and frontend addresses stand alone; pods share classes only with equal pods; frontend ports are boundaries', () => {
    fc.assert(
      fc.property(arbitraryWorld, (resources) => {
        const model = World.from(resources).model;
        const part = buildPartition([model], []);
        const classOf = (ip: { version: 4 | 6; value: number | bigint }) =>
          part.classes.find((c) =>
            c.intervals.some(
              (iv) => iv.family === ip.version && iv.lo <= BigInt(ip.value) && BigInt(ip.value) <= iv.hi,
            ),
          );
        // Nodes, host endpoints and frontends: an address of their own.
        const alone = [
          ...ownerRegions(model)
            .filter((r) => r.owner.kind !== 'pod')
            .flatMap((r) => r.ips),
          ...frontendRegions(model).flatMap((r) => r.ips),
        ];
        for (const ip of alone) {
          const c = classOf(ip);
          expect(c?.intervals.length === 1 && c.intervals[0]?.lo === c.intervals[0]?.hi, ip.text).toBe(true);
        }
        // Pods share a class only with pods the path cannot tell apart.
        const shape = new Map<object, string>();
        for (const r of ownerRegions(model))
          if (r.owner.kind === 'pod') {
            const w = r.owner.wep;
            const key = JSON.stringify([
              w.namespace,
              w.node,
              w.labels,
              w.ports,
              w.profiles,
              w.serviceAccount,
            ]);
            for (const ip of r.ips) {
              // kube-proxy's local-traffic detector tells pods apart by their address.
              const src = sourceOwner(model, ip);
              const detected = !(src.kind === 'pod' && src.undetected);
              const c = classOf(ip);
              expect(c).toBeDefined();
              if (!c) continue;
              const seen = shape.get(c);
              if (seen === undefined) shape.set(c, `${key}${detected}`);
              else expect(seen, ip.text).toBe(`${key}${detected}`);
            }
          }
        const ctx = cellContext([model]);
        for (const f of frontendRegions(model)) {
          const breaks = new Set(breaksFor(ctx.global.dstBreaks, [f.protocol]));
          expect(breaks.has(f.port) && breaks.has(f.port + 1), `${f.protocol}/${f.port}`).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
