package io.github.blobupload.autoconfigure.actuate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the Micrometer observations of uploads
 * ({@code blob.upload.observations.*}).
 */
@ConfigurationProperties("blob.upload.observations")
public class BlobUploadObservationsProperties {

	/**
	 * Whether to wrap each upload attempt in a Micrometer observation named
	 * blob.upload.attempt (a span per attempt when tracing is on, and a timer when
	 * metrics are). Off by default: it adds a span per blob. Needs an ObservationRegistry
	 * bean.
	 */
	private boolean enabled = false;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
