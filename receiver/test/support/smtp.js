// A local SMTP sink that keeps every message it receives, and can refuse them on demand.
import { SMTPServer } from 'smtp-server';

export async function startSmtpSink() {
  const messages = [];
  /** How many messages were refused while refusing. */
  let refused = 0;
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk) => (raw += chunk));
      stream.on('end', () => {
        if (refusing) {
          refused++;
          return callback(Object.assign(new Error('try later'), { responseCode: 451 }));
        }
        messages.push({ raw, to: session.envelope.rcptTo.map((to) => to.address) });
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address();
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    get refused() {
      return refused;
    },
    refuse(on = true) {
      refusing = on;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
