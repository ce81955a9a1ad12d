package com.partnerline.scanner;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where clamd listens: {@code tcp://host:port} or {@code unix:/path/to/clamd.ctl}
 * ({@code PARTNERLINE_CLAMD}).
 */
record ClamdAddress(SocketAddress socketAddress) {

	static ClamdAddress parse(String value) {
		String text = value.trim();
		if (text.startsWith("unix:")) {
			String path = text.substring("unix:".length()).replaceFirst("^//", "");
			return new ClamdAddress(UnixDomainSocketAddress.of(Path.of(path)));
		}
		if (text.startsWith("tcp://")) {
			URI uri = URI.create(text);
			if (uri.getHost() == null || uri.getPort() < 0) {
				throw new IllegalArgumentException("clamd address needs host and port: " + value);
			}
			return new ClamdAddress(new InetSocketAddress(uri.getHost(), uri.getPort()));
		}
		throw new IllegalArgumentException("clamd address is tcp://host:port or unix:/path, not " + value);
	}

	/**
	 * A connected blocking channel. A TCP connect that hangs is bounded by
	 * {@code timeout}; a Unix socket connects at once or fails.
	 */
	SocketChannel connect(Duration timeout) throws IOException {
		if (socketAddress instanceof UnixDomainSocketAddress unix) {
			SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
			try {
				channel.connect(unix);
				return channel;
			}
			catch (IOException ex) {
				channel.close();
				throw ex;
			}
		}
		SocketChannel channel = SocketChannel.open();
		try {
			channel.socket().connect(socketAddress, (int) timeout.toMillis());
			channel.socket().setTcpNoDelay(true);
			return channel;
		}
		catch (IOException ex) {
			channel.close();
			throw ex;
		}
	}

	@Override
	public String toString() {
		return socketAddress instanceof UnixDomainSocketAddress unix ? "unix:" + unix.getPath()
				: "tcp://" + ((InetSocketAddress) socketAddress).getHostString() + ":"
						+ ((InetSocketAddress) socketAddress).getPort();
	}

}
