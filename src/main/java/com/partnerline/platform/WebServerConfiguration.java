package com.partnerline.platform;

import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;

import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded web server is Jetty (ADR 0008): its request handling is lighter than
 * Tomcat's, and it lets the redirect hot path answer without holding a thread.
 * Forwarded headers are honoured from internal proxies only.
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

	@Bean
	JettyServerCustomizer internalProxyForwarding() {
		return server -> {
			for (var connector : server.getConnectors()) {
				for (ConnectionFactory factory : connector.getConnectionFactories()) {
					if (factory instanceof HttpConnectionFactory http) {
						HttpConfiguration configuration = http.getHttpConfiguration();
						configuration.addCustomizer(new InternalProxyForwarding());
						// the Server and X-Powered-By headers tell attackers more than users
						configuration.setSendServerVersion(false);
						configuration.setSendXPoweredBy(false);
					}
				}
			}
		};
	}

}
