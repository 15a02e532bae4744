/**
 * Serves the built site on localhost, with the data folder mounted at /data. Used by `npm start`,
 * the end-to-end tests and the browser benchmark, so all three see the site as a user would.
 *
 * The data folder is passed in rather than copied into the build, so the same build can show the
 * demo, a benchmark's national data or a municipality's own output.
 */
import { createServer, type Server } from 'node:http';
import sirv from 'sirv';

export interface ServeOptions {
	/** The built site (adapter-static output). */
	root: string;
	/** The pipeline's output folder, served at /data. */
	dataDir: string;
	/** 0 picks a free port. */
	port?: number;
	host?: string;
	/** More folders to serve, by URL prefix (e.g. `/floor` for the browser benchmark's bare page). */
	mounts?: Record<string, string>;
	/** Log each request (path and status) here, e.g. for tests that check no request fails. */
	onRequest?: (path: string, status: number) => void;
}

export interface Served {
	url: string;
	server: Server;
	close(): Promise<void>;
}

export async function serve(options: ServeOptions): Promise<Served> {
	const host = options.host ?? '127.0.0.1';
	// dev: false caches the file list; the data folder is re-read so a new ingest shows on reload.
	const site = sirv(options.root, { single: '200.html', dev: false, etag: true });
	// sirv answers Range requests (206) itself: the dashboard reads the Parquet files in ranges.
	const folders = Object.entries({ ...options.mounts, '/data': options.dataDir }).map(
		([prefix, dir]) => [prefix, sirv(dir, { dev: true, etag: true })] as const
	);
	const server = createServer((req, res) => {
		res.on('finish', () => options.onRequest?.(req.url ?? '', res.statusCode));
		const url = req.url ?? '/';
		for (const [prefix, handler] of folders) {
			if (url !== prefix && !url.startsWith(prefix + '/')) continue;
			req.url = url.slice(prefix.length) || '/';
			handler(req, res, () => {
				res.statusCode = 404;
				res.end('not found');
			});
			return;
		}
		site(req, res, () => {
			res.statusCode = 404;
			res.end('not found');
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => resolve());
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : options.port;
	return {
		url: `http://${host}:${port}`,
		server,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
