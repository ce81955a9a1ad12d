import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scanner benchmark client: the same files scanned (a) through the app's
 * POST /api/v1/scan and (b) by a plain INSTREAM client straight against the same clamd,
 * with the same concurrency, alternating rounds so that both see the same machine.
 * Usage: java ScanBench.java <app base url> <clamd host> <clamd port> <concurrency> <rounds>
 */
public class ScanBench {

	/** The mix: size in bytes and how many files of it per round. */
	static final long[][] MIX = { { 64 * 1024, 160 }, { 1024 * 1024, 64 }, { 10 * 1024 * 1024, 12 }, { 50 * 1024 * 1024, 4 } };

	static final int CHUNK = 64 * 1024;

	public static void main(String[] args) throws Exception {
		String app = args[0];
		String clamdHost = args[1];
		int clamdPort = Integer.parseInt(args[2]);
		int concurrency = Integer.parseInt(args[3]);
		int rounds = Integer.parseInt(args[4]);
		Random random = new Random(42);
		List<byte[]> contents = new ArrayList<>();
		for (long[] size : MIX) {
			byte[] content = new byte[(int) size[0]];
			random.nextBytes(content);
			contents.add(content);
		}
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		// warm-up: one round of each, not counted
		round(pool, contents, file -> direct(clamdHost, clamdPort, file));
		round(pool, contents, file -> viaApp(http, app, file));
		double[] directTotals = new double[2];
		double[] appTotals = new double[2];
		double[][] perSizeDirect = new double[MIX.length][2];
		double[][] perSizeApp = new double[MIX.length][2];
		for (int r = 0; r < rounds; r++) {
			for (int s = 0; s < MIX.length; s++) {
				List<byte[]> one = List.of(contents.get(s));
				long[][] mix = { MIX[s] };
				double[] d = timed(pool, one, mix, file -> direct(clamdHost, clamdPort, file));
				double[] a = timed(pool, one, mix, file -> viaApp(http, app, file));
				perSizeDirect[s][0] += d[0];
				perSizeDirect[s][1] += d[1];
				perSizeApp[s][0] += a[0];
				perSizeApp[s][1] += a[1];
				directTotals[0] += d[0];
				directTotals[1] += d[1];
				appTotals[0] += a[0];
				appTotals[1] += a[1];
			}
		}
		pool.shutdown();
		System.out.printf("%-10s %12s %12s %8s%n", "file size", "direct MB/s", "app MB/s", "ratio");
		for (int s = 0; s < MIX.length; s++) {
			double direct = perSizeDirect[s][0] / perSizeDirect[s][1] / 1e6;
			double viaApp = perSizeApp[s][0] / perSizeApp[s][1] / 1e6;
			System.out.printf("%-10s %12.1f %12.1f %8.3f%n", label(MIX[s][0]), direct, viaApp, viaApp / direct);
		}
		double direct = directTotals[0] / directTotals[1] / 1e6;
		double viaApp = appTotals[0] / appTotals[1] / 1e6;
		System.out.printf("%-10s %12.1f %12.1f %8.3f   (target >= 0.9)%n", "mix", direct, viaApp, viaApp / direct);
	}

	interface Scan {

		String scan(byte[] file) throws Exception;

	}

	static void round(ExecutorService pool, List<byte[]> contents, Scan scan) throws Exception {
		timed(pool, contents, MIX, scan);
	}

	/** Scans every file of the mix once with the pool's concurrency: {bytes, seconds}. */
	static double[] timed(ExecutorService pool, List<byte[]> contents, long[][] mix, Scan scan) throws Exception {
		List<byte[]> files = new ArrayList<>();
		for (int s = 0; s < mix.length; s++) {
			for (int i = 0; i < mix[s][1]; i++) {
				files.add(contents.get(s));
			}
		}
		Collections.shuffle(files, new Random(7));
		long bytes = files.stream().mapToLong(f -> f.length).sum();
		long started = System.nanoTime();
		List<Future<String>> results = new ArrayList<>();
		for (byte[] file : files) {
			results.add(pool.submit(() -> scan.scan(file)));
		}
		for (Future<String> result : results) {
			String verdict = result.get();
			if (!verdict.contains("OK") && !verdict.contains("CLEAN")) {
				throw new IllegalStateException("unexpected answer: " + verdict);
			}
		}
		return new double[] { bytes, (System.nanoTime() - started) / 1e9 };
	}

	/** A plain INSTREAM client: 64 KB chunks, each with its 4-byte length. */
	static String direct(String host, int port, byte[] file) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port));
			socket.setTcpNoDelay(true);
			OutputStream out = socket.getOutputStream();
			out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
			byte[] length = new byte[4];
			for (int offset = 0; offset < file.length; offset += CHUNK) {
				int n = Math.min(CHUNK, file.length - offset);
				length[0] = (byte) (n >>> 24);
				length[1] = (byte) (n >>> 16);
				length[2] = (byte) (n >>> 8);
				length[3] = (byte) n;
				out.write(length);
				out.write(file, offset, n);
			}
			out.write(new byte[4]);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream reply = new ByteArrayOutputStream();
			int b;
			while ((b = in.read()) > 0) {
				reply.write(b);
			}
			return reply.toString(StandardCharsets.US_ASCII);
		}
	}

	/**
	 * The same file through the app: a multipart upload over a plain blocking socket, one
	 * connection per scan like the direct client (Java's HttpClient funnels every upload
	 * through one selector thread and would measure itself rather than the app).
	 */
	static String viaApp(HttpClient http, String app, byte[] file) throws Exception {
		URI uri = URI.create(app);
		String boundary = "----bench" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.bin\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
			socket.setTcpNoDelay(true);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/scan HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nConnection: close\r\n"
					+ "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
					+ (head.length + file.length + tail.length) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(head);
			for (int offset = 0; offset < file.length; offset += CHUNK) {
				out.write(file, offset, Math.min(CHUNK, file.length - offset));
			}
			out.write(tail);
			out.flush();
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!response.startsWith("HTTP/1.1 200")) {
				throw new IllegalStateException(response);
			}
			return response;
		}
	}

	static String label(long bytes) {
		return bytes >= 1024 * 1024 ? (bytes / (1024 * 1024)) + " MB" : (bytes / 1024) + " KB";
	}

}
