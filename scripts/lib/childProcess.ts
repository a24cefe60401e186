/**
 * One function of a module run in a child process, for the build's steps (the content check and
 * the post-build steps): its memory goes back to the system when it ends, where the build's own
 * process would keep what each step used (the check ~0.3 GB, the image step ~0.9 GB and the card
 * step's threads ~1.5 GB at 10,000 stories) through every later step, beside Astro and Pagefind.
 * A worker thread gave back too little (0.29 GB of the check's kept).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type Request = { module: string; name: string; args: unknown[] };
type Reply = { ok: true; value: unknown; waitedSeconds: number } | { ok: false; message: string };
/** Sent to a child once the other steps of its stage are done (`othersDone`). */
const OTHERS_DONE = 'others done';

export interface ChildOptions {
	/** Told the child's process id (to measure it alone). */
	started?: (pid: number) => void;
	/** The steps run beside this one: the child's `othersDone()` settles when this does. */
	others?: Promise<unknown>;
	/** Told how long the child waited in `othersDone()`, when it succeeds. */
	waited?: (seconds: number) => void;
}

/** `name(...args)` exported by `module` (a file URL), called in a child process; its result. */
export function inChildProcess<T>(
	module: URL,
	name: string,
	args: unknown[] = [],
	{ started, others = Promise.resolve(), waited }: ChildOptions = {},
): Promise<T> {
	return new Promise((resolve, reject) => {
		const child = fork(fileURLToPath(import.meta.url), { stdio: 'inherit' });
		if (child.pid) started?.(child.pid);
		// Failed or not, the others are done; a child already gone no longer listens.
		const tell = () => child.connected && child.send(OTHERS_DONE, () => undefined);
		others.then(tell, tell);
		let reply: Reply | undefined;
		child.once('message', (message) => (reply = message as Reply));
		child.once('error', reject);
		child.once('exit', (code, signal) => {
			if (reply?.ok) {
				waited?.(reply.waitedSeconds);
				resolve(reply.value as T);
			} else reject(new Error(reply?.message ?? `${name} stopped (${signal ?? `exit ${code}`})`));
		});
		child.send({ module: module.href, name, args } satisfies Request);
	});
}

/** In a child, until the parent says the other steps of this one's stage are done: settles then. */
let othersSignal: Promise<void> | undefined;
let waitedMs = 0;

/**
 * For a step run by `inChildProcess`: settles once the steps run beside it are done, so that it
 * can hold back work that would add its memory to theirs. At once outside such a child.
 */
export async function othersDone(): Promise<void> {
	if (!othersSignal) return;
	const start = performance.now();
	await othersSignal;
	waitedMs += performance.now() - start;
}

/** In the child: run the function asked for, send back its result or its error, and end. */
async function runRequest({ module, name, args }: Request): Promise<void> {
	let reply: Reply;
	try {
		const exports = (await import(module)) as Record<string, (...args: unknown[]) => unknown>;
		const value = await exports[name]!(...args);
		reply = { ok: true, value, waitedSeconds: waitedMs / 1000 };
	} catch (error) {
		reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
	}
	process.send!(reply, () => process.disconnect());
}

if (import.meta.main && process.send) {
	othersSignal = new Promise((resolve) => {
		const listen = (message: unknown) => {
			if (message !== OTHERS_DONE) return;
			process.off('message', listen);
			othersSignal = undefined;
			resolve();
		};
		process.on('message', listen);
	});
	process.once('message', (request: Request) => void runRequest(request));
}
