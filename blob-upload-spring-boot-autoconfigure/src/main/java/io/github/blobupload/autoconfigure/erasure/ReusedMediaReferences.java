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

package io.github.blobupload.autoconfigure.erasure;

import io.github.blobupload.ai.AiBlobLabels;
import io.github.blobupload.ai.BlobOffloadListener;
import io.github.blobupload.ai.MediaOffloadEvent;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.erasure.index.ReferenceIndexWriter;

/**
 * Records a reference for media that a later model call sent again (from chat memory,
 * say): the Spring AI integration recognises it and records the earlier URI on the new
 * span without uploading it, so no upload tells the index, and without this reference an
 * erasure of the first call's conversation would delete what the second one records.
 */
final class ReusedMediaReferences implements BlobOffloadListener {

	private final ReferenceIndexWriter index;

	ReusedMediaReferences(ReferenceIndexWriter index) {
		this.index = index;
	}

	@Override
	public void onMedia(MediaOffloadEvent event) {
		String uri = event.uri();
		if (event.outcome() != MediaOffloadOutcome.REUSED || uri == null
				|| event.media().status() != OffloadedMedia.Status.UPLOADED) {
			return;
		}
		this.index.recordReused(event.useCase(), uri, AiBlobLabels.of(event));
	}

	@Override
	public void onOffloaded(OffloadedMedia media) {
		// Uploaded media is recorded by its upload.
	}

}
