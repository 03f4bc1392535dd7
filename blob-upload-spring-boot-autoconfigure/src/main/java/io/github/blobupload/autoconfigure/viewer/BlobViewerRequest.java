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

package io.github.blobupload.autoconfigure.viewer;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.security.web.servlet.ApplicationContextRequestMatcher;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.WebApplicationContext;

/**
 * Spring Security request matchers for the blob viewer, as Spring Boot's
 * {@code PathRequest.toH2Console()} is for the H2 console. To require a role for the
 * viewer: <pre class="code">
 * &#064;Bean
 * &#064;Order(1)
 * SecurityFilterChain blobViewerSecurity(HttpSecurity http) {
 *     return http.securityMatcher(BlobViewerRequest.toViewer())
 *         .authorizeHttpRequests((requests) -&gt; requests.anyRequest().hasRole("OPS"))
 *         .httpBasic(Customizer.withDefaults())
 *         .build();
 * }
 * </pre>
 */
public final class BlobViewerRequest {

	private BlobViewerRequest() {
	}

	/**
	 * Returns a matcher for every request to the blob viewer, at
	 * {@code blob.upload.viewer.path} (default {@code /blob-viewer}) and below.
	 * @return the matcher
	 */
	public static RequestMatcher toViewer() {
		return new ViewerRequestMatcher();
	}

	/**
	 * Matches the viewer's path, read from the application's properties when first used.
	 */
	private static final class ViewerRequestMatcher extends ApplicationContextRequestMatcher<ApplicationContext> {

		private volatile RequestMatcher delegate = (request) -> false;

		ViewerRequestMatcher() {
			super(ApplicationContext.class);
		}

		@Override
		protected boolean ignoreApplicationContext(WebApplicationContext applicationContext) {
			return hasServerNamespace(applicationContext, "management");
		}

		@Override
		protected void initialized(Supplier<ApplicationContext> context) {
			String path = context.get().getBean(BlobUploadViewerProperties.class).getPath();
			String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
			this.delegate = PathPatternRequestMatcher.withDefaults().matcher(trimmed + "/**");
		}

		@Override
		protected boolean matches(HttpServletRequest request, Supplier<ApplicationContext> context) {
			return this.delegate.matches(request);
		}

	}

}
