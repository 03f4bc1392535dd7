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

import java.util.Map;

import io.github.blobupload.ai.AiBlobLabels;
import io.github.blobupload.ai.BlobOffloadListener;
import io.github.blobupload.ai.MediaOffloadEvent;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.viewer.TraceIndexWriter;

/**
 * Lists media that a later model call sent again (from chat memory, say) on the trace
 * page of that call too: the Spring AI integration recognises such media and records the
 * earlier URI without uploading it again, so no upload tells the trace index about it.
 * Each such sighting becomes an index entry for the span that records it.
 */
final class ReusedMediaIndexer implements BlobOffloadListener {

	private final TraceIndexWriter index;

	ReusedMediaIndexer(TraceIndexWriter index) {
		this.index = index;
	}

	@Override
	public void onMedia(MediaOffloadEvent event) {
		if (event.outcome() != MediaOffloadOutcome.REUSED || event.uri() == null || event.traceId() == null
				|| event.media().status() != OffloadedMedia.Status.UPLOADED) {
			return;
		}
		Map<String, String> labels = AiBlobLabels.of(event);
		this.index.indexRecorded(event.useCase(), event.uri(), event.contentType(), event.size(), labels);
	}

	@Override
	public void onOffloaded(OffloadedMedia media) {
		// Uploaded media is indexed by its upload.
	}

}
