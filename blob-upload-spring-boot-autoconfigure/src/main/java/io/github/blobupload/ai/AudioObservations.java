package io.github.blobupload.ai;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;

/**
 * What the audio-model wrappers record on their {@code blob_upload.audio} observation:
 * the OpenInference {@code input.audio.*} / {@code output.audio.*} attributes.
 */
final class AudioObservations {

	/** The attribute prefix for audio sent to a model. */
	static final String INPUT = "input.audio";

	/** The attribute prefix for audio a model returned. */
	static final String OUTPUT = "output.audio";

	private AudioObservations() {
	}

	/**
	 * Returns whether audio should be offloaded for the span, counting a skip if not.
	 * @param offloader the offloader
	 * @param span the current span
	 * @return whether to offload
	 */
	static boolean shouldOffload(MediaOffloader offloader, SpanInfo span) {
		return offloader.admits(span, 1);
	}

	/**
	 * Records where the audio went and its type.
	 * @param observation the wrapper's observation
	 * @param prefix {@link #INPUT} or {@link #OUTPUT}
	 * @param media the offloaded audio
	 */
	static void record(Observation observation, String prefix, OffloadedMedia media) {
		observation.highCardinalityKeyValue(KeyValue.of(prefix + ".url", String.valueOf(media.uri())));
		observation.highCardinalityKeyValue(KeyValue.of(prefix + ".mime_type", media.contentType()));
	}

}
