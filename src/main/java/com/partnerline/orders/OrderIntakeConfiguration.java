package com.partnerline.orders;

import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the {@link OrderIntakeLane} first in the filter chain, for the intake paths only. */
@Configuration(proxyBeanMethods = false)
class OrderIntakeConfiguration {

	@Bean
	FilterRegistrationBean<OrderIntakeLane> orderIntakeLane(OrderIntake intake, ObjectMapper json) {
		FilterRegistrationBean<OrderIntakeLane> registration = new FilterRegistrationBean<>(
				new OrderIntakeLane(intake, json));
		registration.addUrlPatterns(OrderIntakeLane.PREFIX + "*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setName("orderIntakeLane");
		return registration;
	}

}
