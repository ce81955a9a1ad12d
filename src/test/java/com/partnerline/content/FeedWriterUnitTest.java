package com.partnerline.content;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The three formats of one feed document, read back with Rome and a JSON parser. */
class FeedWriterUnitTest {

	private final JsonMapper json = JsonMapper.builder().build();

	private final FeedWriter writer = new FeedWriter(json);

	private final FeedWriter.Document document = new FeedWriter.Document("Новости", "Описание",
			"https://partners.example.test/content/v", "https://partners.example.test/feeds/av-news.rss", "ru", "Vendor",
			Instant.parse("2026-12-01T10:00:00Z"), 60,
			List.of(new FeedWriter.Document.Item("6f1c2d9e-0000-4000-8000-000000000001", "Заголовок <b>&</b>", "Текст",
					"https://partners.example.test/content/v/items/1?lang=ru", Instant.parse("2026-12-01T09:00:00Z"),
					Instant.parse("2026-12-01T09:30:00Z"), "ru"),
					new FeedWriter.Document.Item("6f1c2d9e-0000-4000-8000-000000000002", "English only", "Text",
							"https://partners.example.test/content/v/items/2?lang=ru",
							Instant.parse("2026-11-30T09:00:00Z"), Instant.parse("2026-11-30T09:00:00Z"), "en")));

	@Test
	void writesRssThatDeclaresItsLanguage() throws Exception {
		String rss = new String(writer.write(document, "rss"), StandardCharsets.UTF_8);
		WireFeed wire = new WireFeedInput().build(new StringReader(rss));
		assertThat(wire).isInstanceOf(Channel.class);
		assertThat(((Channel) wire).getLanguage()).as(rss).isEqualTo("ru");
		assertThat(((Channel) wire).getTtl()).isEqualTo(60);
		SyndFeed feed = new SyndFeedInput().build(new StringReader(rss));
		assertThat(feed.getEntries()).extracting(e -> e.getTitle()).containsExactly("Заголовок <b>&</b>", "English only");
		assertThat(rss).contains("<dc:language>en</dc:language>");
	}

	@Test
	void writesAtomThatDeclaresItsLanguage() throws Exception {
		String atom = new String(writer.write(document, "atom"), StandardCharsets.UTF_8);
		WireFeed wire = new WireFeedInput().build(new StringReader(atom));
		assertThat(wire).isInstanceOf(Feed.class);
		org.jdom2.Element root = new org.jdom2.input.SAXBuilder().build(new StringReader(atom)).getRootElement();
		assertThat(root.getAttributeValue("lang", org.jdom2.Namespace.XML_NAMESPACE)).isEqualTo("ru");
		List<org.jdom2.Element> entries = root.getChildren("entry", root.getNamespace());
		assertThat(entries.get(0).getAttributeValue("lang", org.jdom2.Namespace.XML_NAMESPACE)).isNull();
		assertThat(entries.get(1).getAttributeValue("lang", org.jdom2.Namespace.XML_NAMESPACE)).isEqualTo("en");
		assertThat(((Feed) wire).getEntries()).hasSize(2);
		assertThat(((Feed) wire).getEntries().get(0).getId()).isEqualTo("urn:uuid:6f1c2d9e-0000-4000-8000-000000000001");
	}

	@Test
	void writesJsonFeedOnePointOne() {
		JsonNode feed = json.readTree(writer.write(document, "json"));
		assertThat(feed.path("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
		assertThat(feed.path("language").asString()).isEqualTo("ru");
		assertThat(feed.path("items").get(1).path("language").asString()).isEqualTo("en");
		assertThat(feed.path("items").get(0).path("date_published").asString()).isEqualTo("2026-12-01T09:00:00Z");
	}

}
