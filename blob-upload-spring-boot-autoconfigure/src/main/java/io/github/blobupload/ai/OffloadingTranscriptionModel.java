package io.github.blobupload.ai;

import java.io.IOException;
import java.util.Objects;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.audio.transcription.AudioTranscriptionPrompt;
import org.springframework.ai.audio.transcription.AudioTranscriptionResponse;
import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;

/**
 * Wraps a {@link TranscriptionModel}, which Spring AI does not observe, so that the
 * audio given to it is offloaded ({@code audio.input}) and recorded. Each call runs in an
 * observation {@value OffloadingTextToSpeechModel#OBSERVATION_NAME} that carries
 * {@code input.audio.url} and {@code input.audio.mime_type} (the OpenInference names).
 * Audio given as a remote URL is recorded as that URL and never fetched by this wrapper.
 * The request and the response are not changed. Declare the wrapper yourself (see
 * {@link OffloadingTextToSpeechModel}).
 */
public final class OffloadingTranscriptionModel implements TranscriptionModel {

	private final TranscriptionModel delegate;

	private final MediaOffloader offloader;

	private final SpanInfoResolver spans;

	private final ObservationRegistry observations;

	/**
	 * Creates a wrapper.
	 * @param delegate the model to call
	 * @param offloader uploads the audio
	 * @param spans tells the current span
	 * @param observations where the call's observation is recorded
	 */
	public OffloadingTranscriptionModel(TranscriptionModel delegate, MediaOffloader offloader, SpanInfoResolver spans,
			ObservationRegistry observations) {
		this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
		this.offloader = offloader;
		this.spans = spans;
		this.observations = observations;
	}

	@Override
	public AudioTranscriptionResponse call(AudioTranscriptionPrompt prompt) {
		Observation observation = Observation
			.createNotStarted(OffloadingTextToSpeechModel.OBSERVATION_NAME, this.observations)
			.contextualName("transcription");
		return observation.observe(() -> {
			record(observation, prompt.getInstructions());
			return this.delegate.call(prompt);
		});
	}

	private void record(Observation observation, Resource audio) {
		SpanInfo span = this.spans.current();
		if (audio == null) {
			return;
		}
		if (!AudioObservations.shouldOffload(this.offloader, span)) {
			return;
		}
		Object data;
		try {
			data = isRemote(audio) ? audio.getURL() : audio.getContentAsByteArray();
		}
		catch (IOException | RuntimeException ex) {
			data = new Object();
		}
		AudioObservations.record(observation, AudioObservations.INPUT,
				this.offloader.offload(audio, data, null, AiUseCases.AUDIO_INPUT, span, 0, 0));
	}

	private static boolean isRemote(Resource audio) {
		if (!(audio instanceof UrlResource)) {
			return false;
		}
		try {
			String protocol = audio.getURL().getProtocol();
			return !"file".equals(protocol) && !"jar".equals(protocol);
		}
		catch (IOException ex) {
			return true;
		}
	}

}
