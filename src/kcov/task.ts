/**
 * Tasks: the unit that owns a kcov instance, as a Linux task (thread) does.
 *
 * A task is an async context. `runTask(fn)` starts one; everything `fn` runs, including
 * awaited continuations, timers and callbacks it schedules, carries the task through
 * AsyncLocalStorage. Code outside every `runTask` belongs to the thread's root task, and
 * each worker thread has its own root task (module state is per thread).
 *
 * A task exits when the promise of its function settles; the root task exits when its
 * thread exits. Exit disables the instance the task owns, and nothing else, as Linux's
 * `kcov_task_exit` does (spec 1.8).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** What a task knows of the instance it owns (implemented by the kcov instance). */
export interface TaskBinding {
  /** Called when the owning task exits while it still owns the instance. */
  ownerExited(task: Task): void;
}

/** One task: a root task of a thread, or a `runTask` context. */
export class Task {
  /** The instance this task has enabled, or null (Linux `current->kcov`). */
  kcov: TaskBinding | null = null;
  /** True once the task has exited; leftover callbacks of the task still carry it. */
  exited = false;

  constructor(
    /** Task number, unique in the thread; the root task is 0. */
    readonly id: number,
  ) {}
}

const storage = new AsyncLocalStorage<Task>();
const rootTask = new Task(0);
let nextId = 1;
/** Whether any runTask has been started on this thread; until then every caller is the root task. */
let anyTask = false;
let rootExitHooked = false;

/** Whether this thread has started any task with runTask. */
export function tasksStarted(): boolean {
  return anyTask;
}

let firstTaskListener: (() => void) | null = null;

/** Registers the function called once, when the thread starts its first task. */
export function onFirstTask(listener: () => void): void {
  firstTaskListener = listener;
}

/** The task the calling code belongs to: the current `runTask` context, else the root task. */
export function currentTask(): Task {
  // The hot path of tracing: skip the async-context lookup until a task exists.
  return anyTask ? storage.getStore() ?? rootTask : rootTask;
}

/** The root task of this thread. */
export function threadRootTask(): Task {
  return rootTask;
}

/** Makes the root task exit (and so disable what it owns) when the thread exits. Idempotent. */
export function hookRootExit(): void {
  if (rootExitHooked) return;
  rootExitHooked = true;
  process.once('exit', () => exitTask(rootTask));
}

/** Ends a task: if it still owns an instance, that instance is disabled. */
function exitTask(task: Task): void {
  if (task.exited) return;
  task.exited = true;
  const owned = task.kcov;
  if (owned !== null) owned.ownerExited(task);
}

/**
 * Runs `fn` as a new task. The task exits when fn's promise settles (or fn throws); the
 * returned promise settles after that, with fn's result or error. A task started inside
 * another task is a new task of its own: like a child after fork, it owns nothing.
 */
export function runTask<T>(fn: () => T | PromiseLike<T>): Promise<Awaited<T>> {
  const task = new Task(nextId++);
  if (!anyTask) {
    anyTask = true;
    firstTaskListener?.();
  }
  return storage.run(task, async (): Promise<Awaited<T>> => {
    try {
      return await fn();
    } finally {
      exitTask(task);
    }
  });
}
