import { startWebServer } from '../../core/http/server';
import { intOption, type Command } from '../cli';
import { openInBrowser } from '../open-browser';

/** `dateline serve`: web mode on 127.0.0.1 until Ctrl+C. */

export const serveCommand: Command = {
  name: 'serve',
  usage:
    '  serve [--port N] [--open]             serve Dateline in the browser (web mode) on 127.0.0.1; prints a\n' +
    '                                        one-time link to open it (--open opens the browser with another)\n',
  takes: () => ['port', 'open'],
  check(_pos, v) {
    intOption(v.port, 'port', 0, 65535);
  },
  writes: () => true,
  serves: true,
  async run(cli, _pos, v, io) {
    const server = await startWebServer({
      core: cli.core,
      staticDir: cli.rendererDir,
      port: intOption(v.port, 'port', 0, 65535) ?? 0,
      onLaunchRefused: (fresh) => io.out(`A launch link was refused (used already, or expired). Open Dateline with this new one-time link: ${fresh}\n`),
    });
    // Each link works once, so the browser started here and the person reading the terminal get one each.
    if (v.open) openInBrowser(server.launchUrl());
    io.out(`Dateline web mode runs on ${server.origin} (Ctrl+C stops it). Open it with this one-time link: ${server.launchUrl()}\n`);
    await new Promise<void>((done) => {
      const stop = () => done();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
  },
};
