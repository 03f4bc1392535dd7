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

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the post-processor that runs every {@link ConfigurationCheck} bean before any
 * other bean is created, once however many configurations import it, as
 * {@code @EnableConfigurationProperties} registers Spring Boot's binding post-processor.
 * An auto-configuration that declares a {@link ConfigurationCheck} imports it, so that
 * its check runs also when it is used without the starter's core auto-configuration:
 *
 * <pre class="code">
 * &#64;AutoConfiguration
 * &#64;Import(ConfigurationChecksRegistrar.class)
 * public final class MyFeatureAutoConfiguration {
 *
 *     &#64;Bean
 *     static ConfigurationCheck myFeatureConfigurationCheck() {
 *         return new MyFeatureConfigurationCheck();
 *     }
 *
 * }
 * </pre>
 *
 * For the starter's auto-configurations; not meant for applications.
 */
public final class ConfigurationChecksRegistrar implements ImportBeanDefinitionRegistrar {

	private static final String BEAN_NAME = ConfigurationChecks.class.getName();

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		if (!registry.containsBeanDefinition(BEAN_NAME)) {
			RootBeanDefinition definition = new RootBeanDefinition(ConfigurationChecks.class);
			definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
			registry.registerBeanDefinition(BEAN_NAME, definition);
		}
	}

}
