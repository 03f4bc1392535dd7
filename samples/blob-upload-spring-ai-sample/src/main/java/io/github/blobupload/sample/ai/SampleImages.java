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

package io.github.blobupload.sample.ai;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Draws the sample's pictures, so that the repository holds no binary files.
 */
final class SampleImages {

	private SampleImages() {
	}

	/** A bar chart: the image sent with the prompt. */
	static byte[] chart() {
		return draw(640, 400, (g) -> {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, 640, 400);
			g.setColor(new Color(0x2E86DE));
			int[] heights = { 80, 160, 320 };
			for (int i = 0; i < heights.length; i++) {
				g.fillRect(80 + i * 180, 380 - heights[i], 120, heights[i]);
			}
			g.setColor(Color.BLACK);
			g.drawString("Sales per quarter", 260, 20);
		});
	}

	/** An "infographic": the image the fake model generates. */
	static byte[] infographic() {
		return draw(512, 512, (g) -> {
			g.setColor(new Color(0xFFF3E0));
			g.fillRect(0, 0, 512, 512);
			g.setColor(new Color(0xE67E22));
			g.fillOval(156, 120, 200, 200);
			g.setColor(Color.BLACK);
			g.drawString("Sales x2 every quarter", 190, 380);
		});
	}

	private static byte[] draw(int width, int height, java.util.function.Consumer<Graphics2D> painter) {
		System.setProperty("java.awt.headless", "true");
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		try {
			painter.accept(graphics);
		}
		finally {
			graphics.dispose();
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

}
