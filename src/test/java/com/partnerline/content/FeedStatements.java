package com.partnerline.content;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Counts the SQL statements that requests to {@code /feeds/} and {@code /informer/}
 * make: the application's data source hands such requests connections that count every
 * statement prepared or created on them. Those answered by {@link ContentHandler} run
 * on Jetty's threads without a servlet request: every connection taken on a Jetty
 * thread outside the servlet container counts (tests that read the counter send no
 * other requests meanwhile). Every other caller gets its connection as
 * before, untouched.
 */
@Component
class FeedStatements implements BeanPostProcessor {

	private static final Set<String> COUNTED = Set.of("prepareStatement", "createStatement", "prepareCall");

	static final AtomicLong STATEMENTS = new AtomicLong();

	/** The last statements counted, with the request that made them, for the failure message. */
	static final java.util.concurrent.ConcurrentLinkedDeque<String> LAST = new java.util.concurrent.ConcurrentLinkedDeque<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!"dataSource".equals(beanName) || !(bean instanceof DataSource)) {
			return bean;
		}
		ProxyFactory factory = new ProxyFactory(bean);
		factory.setProxyTargetClass(true);
		factory.addAdvice((MethodInterceptor) invocation -> {
			Object result = invocation.proceed();
			if ("getConnection".equals(invocation.getMethod().getName()) && result instanceof Connection connection
					&& inFeedRequest()) {
				return Proxy.newProxyInstance(FeedStatements.class.getClassLoader(), new Class<?>[] { Connection.class },
						(proxy, method, args) -> {
							if (COUNTED.contains(method.getName())) {
								STATEMENTS.incrementAndGet();
								LAST.addFirst(uri() + " " + (args != null && args.length > 0 ? args[0] : ""));
								while (LAST.size() > 10) {
									LAST.pollLast();
								}
							}
							try {
								return method.invoke(connection, args);
							}
							catch (java.lang.reflect.InvocationTargetException ex) {
								throw ex.getCause();
							}
						});
			}
			return result;
		});
		return factory.getProxy();
	}

	private static String uri() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest().getRequestURI() : "(Jetty handler)";
	}

	private static boolean inFeedRequest() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			String uri = request.getRequestURI();
			return uri.startsWith("/feeds/") || uri.startsWith("/informer/");
		}
		// ContentHandler answers feeds and informers on Jetty's own threads, before (and without) a servlet request
		return Thread.currentThread().getName().startsWith("qtp");
	}

}
