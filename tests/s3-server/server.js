// Usage: node server.js <port> <folder> <bucket>. An S3-compatible server (s3rver) on loopback that keeps
// objects under <folder>, creates <bucket>, and prints "listening" once ready.
const S3rver = require("s3rver");

const [port, folder, bucket] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
const server = new S3rver({
  port,
  address: "127.0.0.1",
  directory: folder,
  silent: true,
  configureBuckets: [{ name: bucket }],
});
server.run().then(() => console.log("listening"), (error) => {
  console.error(error);
  process.exit(1);
});
process.on("SIGTERM", () => server.close().then(() => process.exit(0)));
