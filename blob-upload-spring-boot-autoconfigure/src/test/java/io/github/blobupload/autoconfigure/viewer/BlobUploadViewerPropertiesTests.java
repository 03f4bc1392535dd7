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

import io.github.blobupload.viewer.BlobViewerServlet;
import io.github.blobupload.viewer.RedirectDelivery;
import io.github.blobupload.viewer.StoreTraceIndex;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploadViewerProperties}.
 */
class BlobUploadViewerPropertiesTests {

	@Test
	void defaultValuesAreConsistent() {
		BlobUploadViewerProperties properties = new BlobUploadViewerProperties();
		assertThat(properties.isEnabled()).isFalse();
		assertThat(properties.isAllowRemote()).isFalse();
		assertThat(properties.isRecordLinks()).isFalse();
		assertThat(properties.getBaseUrl()).isNull();
		// The default path is one the servlet accepts.
		assertThat(BlobViewerServlet.urlMapping(properties.getPath())).isEqualTo("/blob-viewer/*");
		assertThat(properties.getMaxConcurrentReads()).isEqualTo(BlobViewerServlet.DEFAULT_MAX_CONCURRENT_READS);
		assertThat(properties.getDelivery()).isEqualTo(BlobUploadViewerProperties.Delivery.STREAM);
		assertThat(new RedirectDelivery(properties.getRedirectExpiry()).expiry()).hasMinutes(5);
		assertThat(properties.getIndex().isEnabled()).isTrue();
		assertThat(properties.getIndex().getCacheSize()).isEqualTo(StoreTraceIndex.DEFAULT_CACHE_SIZE);
	}

}
