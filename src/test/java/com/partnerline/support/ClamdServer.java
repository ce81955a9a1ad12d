package com.partnerline.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One real ClamAV clamd for the whole test JVM, bound to 127.0.0.1 on a port chosen
 * once, with a signature database the tests write themselves (no signatures can be
 * downloaded here): the EICAR test file by byte pattern ({@code .ndb}) and by hash
 * ({@code .hdb}), and a marker string of our own. {@link #stop()} and {@link #start()}
 * simulate an engine outage; clamd comes back on the same port.
 */
public final class ClamdServer {

	/** The EICAR anti-virus test file (68 bytes), which every engine reports. */
	public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

	/** Bytes our own signature ({@code Partnerline-Test-Marker}) matches anywhere in a file. */
	public static final String OWN_MARKER = "PARTNERLINE-SCANNER-TEST-MARKER-7f3e";

	public static final ClamdServer INSTANCE = new ClamdServer();

	private final int port = freePort();

	private final Path home = Path.of("target", "clamd-" + UUID.randomUUID()).toAbsolutePath();

	private Process process;

	private ClamdServer() {
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
	}

	/** Starts clamd (once; again after {@link #stop()}) and waits until it answers PING. */
	public synchronized void start() {
		if (process != null && process.isAlive()) {
			return;
		}
		try {
			writeDatabase();
			ProcessBuilder builder = new ProcessBuilder(Files.isExecutable(Path.of("/usr/sbin/clamd")) ? "/usr/sbin/clamd" : "clamd", "-c", home.resolve("clamd.conf").toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("clamd.log").toFile()));
			process = builder.start();
			Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
			while (!answersPing()) {
				if (!process.isAlive() || Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("clamd did not start; see " + home.resolve("clamd.log"));
				}
				Thread.sleep(50);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start clamd (bash scripts/setup.sh installs it)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Stops clamd and waits until it is gone. */
	public synchronized void stop() {
		if (process == null) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(10),
					java.util.concurrent.TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		process = null;
	}

	/** {@code tcp://127.0.0.1:<port>}, for {@code partnerline.clamd}. */
	public String address() {
		return "tcp://127.0.0.1:" + port;
	}

	/** The Unix socket clamd also listens on, for {@code unix:<path>}. */
	public Path socket() {
		return home.resolve("clamd.ctl");
	}

	public int port() {
		return port;
	}

	private boolean answersPing() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readNBytes(4), StandardCharsets.US_ASCII).equals("PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private void writeDatabase() throws IOException {
		Path db = home.resolve("db");
		Files.createDirectories(db);
		Files.createDirectories(home.resolve("tmp"));
		byte[] eicar = EICAR.getBytes(StandardCharsets.US_ASCII);
		Files.writeString(db.resolve("partnerline-test.ndb"),
				"Eicar-Test-Signature:0:*:" + HexFormat.of().formatHex(eicar) + "\n" + "Partnerline-Test-Marker:0:*:"
						+ HexFormat.of().formatHex(OWN_MARKER.getBytes(StandardCharsets.US_ASCII)) + "\n");
		Files.writeString(db.resolve("partnerline-test.hdb"),
				md5(eicar) + ":" + eicar.length + ":Eicar-Test-File\n");
		Files.writeString(home.resolve("clamd.conf"), """
				Foreground yes
				TCPSocket %d
				TCPAddr 127.0.0.1
				LocalSocket %s
				DatabaseDirectory %s
				PidFile %s
				TemporaryDirectory %s
				StreamMaxLength 200M
				MaxScanSize 400M
				MaxFileSize 200M
				MaxThreads 16
				""".formatted(port, socket(), db, home.resolve("clamd.pid"), home.resolve("tmp")));
	}

	private static String md5(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
