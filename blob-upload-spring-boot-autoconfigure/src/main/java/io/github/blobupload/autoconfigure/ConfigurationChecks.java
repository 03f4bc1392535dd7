/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.blobupload.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

/**
 * Runs every {@link ConfigurationCheck} bean once the bean definitions are known and
 * before any other bean is created or the web server started, and fails startup with one
 * {@link InvalidBlobUploadConfigurationException} listing every problem they found. A
 * failure then reaches Spring Boot's failure report without an unrelated error from a
 * half-started web server before it.
 * <p>
 * The checks are found by type without creating anything else: they are declared as
 * {@code static} bean methods, as Spring Boot's
 * {@code LazyInitializationBeanFactoryPostProcessor} finds its
 * {@code LazyInitializationExcludeFilter} beans. Registered once by
 * {@link ConfigurationChecksRegistrar}, however many auto-configurations import it.
 */
final class ConfigurationChecks implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

	private @Nullable Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		Assert.state(this.environment != null, "environment must be set");
		ConfigurationReport report = new ConfigurationReport(this.environment);
		report.classLoader(beanFactory.getBeanClassLoader());
		for (String name : beanFactory.getBeanNamesForType(ConfigurationCheck.class, true, false)) {
			beanFactory.getBean(name, ConfigurationCheck.class).check(report);
		}
		report.throwIfInvalid();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
