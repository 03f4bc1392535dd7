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

import java.util.ArrayList;
import java.util.List;

import io.github.blobupload.autoconfigure.ConfigurationCheck;
import io.github.blobupload.autoconfigure.ConfigurationReport;
import io.github.blobupload.viewer.BlobViewerServlet;
import io.github.blobupload.viewer.ViewerLinks;

import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Checks the viewer's settings before any bean is created: its path and base URL, each by
 * the viewer class that owns the rule, that recording links has the viewer and its base
 * URL to link to, and that a local-only viewer is not served behind a forward-headers
 * strategy ({@link ViewerAccessRule}).
 */
final class ViewerConfigurationCheck implements ConfigurationCheck {

	private static final String PREFIX = "blob.upload.viewer.";

	private static final String SERVLET_ENVIRONMENT = "org.springframework.web.context.ConfigurableWebEnvironment";

	@Override
	public void check(ConfigurationReport report) {
		BlobUploadViewerProperties viewer = report.bind("blob.upload.viewer", BlobUploadViewerProperties.class);
		if (viewer.isEnabled()) {
			report.set(PREFIX + "path", viewer.getPath(), BlobViewerServlet::urlMapping);
			Environment environment = report.environment();
			if (environment != null && isServletWeb(environment, report.classLoader())) {
				String problem = ViewerAccessRule.problem(viewer.isAllowRemote(),
						ClassUtils.isPresent(ViewerAccessRule.SPRING_SECURITY, report.classLoader()), environment,
						viewer.getPath());
				if (problem != null) {
					report.invalid(ViewerAccessRule.ALLOW_REMOTE, false, problem);
				}
			}
		}
		String baseUrl = viewer.getBaseUrl();
		boolean hasBaseUrl = baseUrl != null && !baseUrl.isBlank();
		if (hasBaseUrl) {
			report.set(PREFIX + "base-url", baseUrl, ViewerLinks::checkBaseUrl);
		}
		if (viewer.isRecordLinks()) {
			List<String> missing = new ArrayList<>();
			if (!viewer.isEnabled()) {
				missing.add("the viewer: set " + PREFIX + "enabled=true");
			}
			if (!hasBaseUrl) {
				missing.add(PREFIX + "base-url, the address a person opens the viewer at, such as "
						+ "https://ops.example.com/blob-viewer");
			}
			if (!missing.isEmpty()) {
				report.invalid(PREFIX + "record-links", true,
						"Recording viewer links on spans needs " + String.join("; and ", missing) + ".");
			}
		}
	}

	/**
	 * Returns whether the application is a servlet web application, the only kind that
	 * serves the viewer: its environment is a servlet one.
	 */
	private static boolean isServletWeb(Environment environment, ClassLoader classLoader) {
		return ClassUtils.isPresent(SERVLET_ENVIRONMENT, classLoader)
				&& ClassUtils.resolveClassName(SERVLET_ENVIRONMENT, classLoader).isInstance(environment);
	}

}
