/**
 * The direct writer: while the thread's only enabled instance is a TRACE_PC instance and the
 * thread has never started a task, blocks go straight to its area. The first runTask must
 * end that, so blocks of the new task never land in the root task's area.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KCOV_DISABLE, KCOV_ENABLE, KCOV_TRACE_PC, runTask } from '../../src/index.js';
import { enabled, fakeModule, initMapped, pcsOf, setupRuntime } from './helpers.js';

const rt = setupRuntime();

test('blocks of a task started while the root task traces never reach the root task\'s area', async () => {
  const m = fakeModule(rt, 8);
  const root = enabled(512);
  m.hit(0);
  m.hit(1);
  m.hit(0);
  assert.deepEqual(pcsOf(root.area), [m.pc(0), m.pc(1), m.pc(0)]);
  const inTask = await runTask(async () => {
    m.hit(5); // this task owns nothing: its blocks go nowhere
    const own = initMapped(512);
    own.f.ioctl(KCOV_ENABLE, KCOV_TRACE_PC);
    m.hit(6);
    await Promise.resolve();
    m.hit(7);
    own.f.ioctl(KCOV_DISABLE, 0);
    return pcsOf(own.area);
  });
  m.hit(2);
  assert.deepEqual(inTask, [m.pc(6), m.pc(7)]);
  assert.deepEqual(pcsOf(root.area), [m.pc(0), m.pc(1), m.pc(0), m.pc(2)]);
  root.f.ioctl(KCOV_DISABLE, 0);
});
