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
type Reply = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * `name(...args)` exported by `module` (a file URL), called in a child process; its result.
 * `started` is told the child's process id (to measure it alone).
 */
export function inChildProcess<T>(
	module: URL,
	name: string,
	args: unknown[] = [],
	started?: (pid: number) => void,
): Promise<T> {
	return new Promise((resolve, reject) => {
		const child = fork(fileURLToPath(import.meta.url), { stdio: 'inherit' });
		if (child.pid) started?.(child.pid);
		let reply: Reply | undefined;
		child.once('message', (message) => (reply = message as Reply));
		child.once('error', reject);
		child.once('exit', (code, signal) => {
			if (reply?.ok) resolve(reply.value as T);
			else reject(new Error(reply?.message ?? `${name} stopped (${signal ?? `exit ${code}`})`));
		});
		child.send({ module: module.href, name, args } satisfies Request);
	});
}

/** In the child: run the function asked for, send back its result or its error, and end. */
async function runRequest({ module, name, args }: Request): Promise<void> {
	let reply: Reply;
	try {
		const exports = (await import(module)) as Record<string, (...args: unknown[]) => unknown>;
		reply = { ok: true, value: await exports[name]!(...args) };
	} catch (error) {
		reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
	}
	process.send!(reply, () => process.disconnect());
}

if (import.meta.main && process.send)
	process.once('message', (request: Request) => void runRequest(request));
