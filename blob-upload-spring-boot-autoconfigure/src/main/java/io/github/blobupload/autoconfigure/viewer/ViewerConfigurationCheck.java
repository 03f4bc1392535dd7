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

/**
 * Checks the viewer's settings before any bean is created: its path and base URL, each by
 * the viewer class that owns the rule, and that recording links has the viewer and its
 * base URL to link to.
 */
final class ViewerConfigurationCheck implements ConfigurationCheck {

	private static final String PREFIX = "blob.upload.viewer.";

	@Override
	public void check(ConfigurationReport report) {
		BlobUploadViewerProperties viewer = report.bind("blob.upload.viewer", BlobUploadViewerProperties.class);
		if (viewer.isEnabled()) {
			report.set(PREFIX + "path", viewer.getPath(), BlobViewerServlet::urlMapping);
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

}
