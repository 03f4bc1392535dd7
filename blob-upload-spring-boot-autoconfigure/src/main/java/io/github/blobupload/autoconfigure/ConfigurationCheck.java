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

/**
 * A check of configuration properties that runs before the application context creates
 * any bean or starts the web server, so that every invalid value of the starter is
 * reported together, in one startup failure, rather than one per restart.
 * <p>
 * A check binds what it needs with {@link ConfigurationReport#bind} and hands each value
 * to the core builder that owns its rule, through {@link ConfigurationReport#set}: the
 * builder's {@link IllegalArgumentException} becomes a problem that names the property,
 * the value as written and what is wrong. Checks of settings against each other go
 * through {@link ConfigurationReport#invalid}. A check does not throw.
 * <p>
 * An auto-configuration contributes a check as a {@code static} {@code @Bean} method, as
 * Spring Boot's own {@code LazyInitializationExcludeFilter} beans are declared, so that
 * the check is created without creating the auto-configuration or any other bean; the
 * auto-configuration imports {@link ConfigurationChecksRegistrar}, which makes sure the
 * checks are run. The auto-configuration's conditions apply to the check as to its other
 * beans:
 *
 * <pre class="code">
 * &#64;Bean
 * static ConfigurationCheck myFeatureConfigurationCheck() {
 *     return (report) -&gt; {
 *         MyFeatureProperties properties = report.bind("blob.upload.my-feature", MyFeatureProperties.class);
 *         MyFeature.Builder builder = MyFeature.builder();
 *         report.set("blob.upload.my-feature.limit", properties.getLimit(), builder::limit);
 *     };
 * }
 * </pre>
 *
 * The starter's own checks run first; the failure lists the problems in the order found.
 */
@FunctionalInterface
public interface ConfigurationCheck {

	/**
	 * Checks the configuration, adding each problem to the report.
	 * @param report the binder and the problems found so far
	 */
	void check(ConfigurationReport report);

}
