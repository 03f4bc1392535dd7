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

package io.github.blobupload.autoconfigure.storage;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;

/**
 * Finds the application's client bean for erasure only, by its name: a client with delete
 * rights that the providers give their deleters, so that the uploading client can stay
 * write-only. It must be declared with {@code @Bean(defaultCandidate = false)}: otherwise
 * it would also be injected wherever a client of its type is expected, and the cloud
 * auto-configurations would back off their own client, leaving uploads to it.
 */
final class ErasureClientBeans {

	private ErasureClientBeans() {
	}

	/**
	 * Returns the erasure client bean, checked at startup and obtained on first use.
	 * @param <T> the client type
	 * @param beanFactory the application's bean factory
	 * @param name the bean name
	 * @param type the client type
	 * @return the bean's supplier, or {@code null} when the application declares none
	 * @throws IllegalStateException if the bean is of another type or is a default
	 * candidate for injection by type
	 */
	static <T> @Nullable Supplier<T> find(ConfigurableListableBeanFactory beanFactory, String name, Class<T> type) {
		if (!beanFactory.containsBean(name)) {
			return null;
		}
		if (!beanFactory.isTypeMatch(name, type)) {
			throw new IllegalStateException("The erasure client bean '" + name + "' must be a " + type.getName()
					+ ", not a " + beanFactory.getType(name));
		}
		if (beanFactory.containsBeanDefinition(name)) {
			BeanDefinition definition = beanFactory.getMergedBeanDefinition(name);
			if (definition instanceof AbstractBeanDefinition declared && declared.isDefaultCandidate()) {
				throw new IllegalStateException("Declare the erasure client bean '" + name + "' with @Bean(name = \""
						+ name + "\", defaultCandidate = false): as a default candidate it is"
						+ " also injected wherever a bean of type " + type.getSimpleName()
						+ " is expected, so uploads could get its delete rights");
			}
		}
		return () -> beanFactory.getBean(name, type);
	}

}
