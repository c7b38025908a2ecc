// Usage: node server.js <port> <folder>. Accepts any sender and recipient, writes each message
// to <folder>/<time>-<n>.eml, and prints "listening" once ready.
const { SMTPServer } = require("smtp-server");
const fs = require("fs");
const path = require("path");

const port = Number(process.argv[2]);
const folder = process.argv[3];
fs.mkdirSync(folder, { recursive: true });
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (chunk) => chunks.push(chunk));
    stream.on("end", () => {
      const name = `${Date.now()}-${++count}.eml`;
      const temporary = path.join(folder, name + ".part");
      fs.writeFileSync(temporary, Buffer.concat(chunks));
      fs.renameSync(temporary, path.join(folder, name));
      callback();
    });
  },
});
server.listen(port, "127.0.0.1", () => console.log("listening"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
