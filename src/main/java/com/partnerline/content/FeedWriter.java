package com.partnerline.content;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes a feed as RSS 2.0 or Atom 1.0 (with Rome) or JSON Feed 1.1 (with Jackson).
 * The feed declares its language ({@code <language>}, {@code xml:lang}, {@code language});
 * an item shown in English because its translation is missing says so itself
 * ({@code dc:language}, JSON Feed's item {@code language}).
 */
@Component
class FeedWriter {

	private final JsonMapper json;

	FeedWriter(JsonMapper json) {
		this.json = json;
	}

	byte[] write(Document feed, String format) {
		return switch (format) {
			case "rss" -> xml(rss(feed));
			case "atom" -> atomXml(feed);
			case "json" -> jsonFeed(feed);
			default -> throw new IllegalArgumentException(format);
		};
	}

	static String mediaType(String format) {
		return switch (format) {
			case "rss" -> "application/rss+xml;charset=UTF-8";
			case "atom" -> "application/atom+xml;charset=UTF-8";
			default -> "application/feed+json;charset=UTF-8";
		};
	}

	private static Channel rss(Document feed) {
		Channel channel = new Channel("rss_2.0");
		channel.setTitle(feed.title());
		channel.setLink(feed.homeUrl());
		channel.setDescription(feed.description());
		channel.setLanguage(feed.language());
		channel.setLastBuildDate(Date.from(feed.updated()));
		channel.setPubDate(Date.from(feed.updated()));
		channel.setTtl(feed.ttlMinutes());
		channel.setGenerator("Partnerline");
		List<Item> items = new ArrayList<>();
		for (Document.Item entry : feed.items()) {
			Item item = new Item();
			item.setTitle(entry.title());
			item.setLink(entry.url());
			Guid guid = new Guid();
			guid.setValue(entry.id());
			guid.setPermaLink(false);
			item.setGuid(guid);
			Description description = new Description();
			description.setType("text/plain");
			description.setValue(entry.text());
			item.setDescription(description);
			item.setPubDate(Date.from(entry.published()));
			item.setModules(languageOf(entry));
			items.add(item);
		}
		channel.setItems(items);
		return channel;
	}

	private static com.rometools.rome.feed.atom.Feed atom(Document feed) {
		com.rometools.rome.feed.atom.Feed atom = new com.rometools.rome.feed.atom.Feed("atom_1.0");
		atom.setId(feed.feedUrl());
		atom.setLanguage(feed.language());
		atom.setTitle(feed.title());
		Content subtitle = new Content();
		subtitle.setType("text");
		subtitle.setValue(feed.description());
		atom.setSubtitle(subtitle);
		atom.setUpdated(Date.from(feed.updated()));
		atom.setAlternateLinks(List.of(link("alternate", feed.homeUrl(), "text/html")));
		atom.setOtherLinks(List.of(link("self", feed.feedUrl(), "application/atom+xml")));
		com.rometools.rome.feed.synd.SyndPerson author = new com.rometools.rome.feed.synd.SyndPersonImpl();
		author.setName(feed.author());
		atom.setAuthors(List.of(author));
		atom.setModules(new ArrayList<>(List.of(updatePeriod(feed.ttlMinutes()))));
		List<Entry> entries = new ArrayList<>();
		for (Document.Item item : feed.items()) {
			Entry entry = new Entry();
			entry.setId("urn:uuid:" + item.id());
			entry.setTitle(item.title());
			entry.setAlternateLinks(List.of(link("alternate", item.url(), "text/html")));
			entry.setPublished(Date.from(item.published()));
			entry.setUpdated(Date.from(item.updated()));
			Content summary = new Content();
			summary.setType("text");
			summary.setValue(item.text());
			entry.setSummary(summary);
			entry.setModules(languageOf(item));
			entries.add(entry);
		}
		atom.setEntries(entries);
		return atom;
	}

	private static Link link(String rel, String href, String type) {
		Link link = new Link();
		link.setRel(rel);
		link.setHref(href);
		link.setType(type);
		return link;
	}

	/**
	 * The agreement's schedule as the Syndication module says it ({@code sy:updatePeriod},
	 * {@code sy:updateFrequency}): how often a reader should take the feed. RSS says it
	 * with {@code ttl}.
	 */
	static com.rometools.rome.feed.module.SyModule updatePeriod(int minutes) {
		com.rometools.rome.feed.module.SyModule sy = new com.rometools.rome.feed.module.SyModuleImpl();
		if (minutes >= 10080) {
			sy.setUpdatePeriod(com.rometools.rome.feed.module.SyModule.WEEKLY);
			sy.setUpdateFrequency(Math.max(1, 10080 / minutes));
		}
		else if (minutes >= 1440) {
			sy.setUpdatePeriod(com.rometools.rome.feed.module.SyModule.DAILY);
			sy.setUpdateFrequency(Math.max(1, 1440 / minutes));
		}
		else {
			sy.setUpdatePeriod(com.rometools.rome.feed.module.SyModule.HOURLY);
			sy.setUpdateFrequency(Math.max(1, 60 / Math.max(1, minutes)));
		}
		return sy;
	}

	private static List<Module> languageOf(Document.Item item) {
		DCModule dc = new DCModuleImpl();
		dc.setLanguage(item.language());
		return new ArrayList<>(List.of(dc));
	}

	/**
	 * Atom through Rome's JDOM document, with {@code xml:lang} on the feed and on each
	 * entry (Rome's Atom generator writes neither).
	 */
	private static byte[] atomXml(Document feed) {
		try {
			org.jdom2.Document xml = new WireFeedOutput().outputJDom(atom(feed));
			org.jdom2.Element root = xml.getRootElement();
			root.setAttribute("lang", feed.language(), org.jdom2.Namespace.XML_NAMESPACE);
			List<org.jdom2.Element> entries = root.getChildren("entry", root.getNamespace());
			for (int i = 0; i < entries.size() && i < feed.items().size(); i++) {
				String lang = feed.items().get(i).language();
				if (!lang.equals(feed.language())) {
					entries.get(i).setAttribute("lang", lang, org.jdom2.Namespace.XML_NAMESPACE);
				}
			}
			org.jdom2.output.Format format = org.jdom2.output.Format.getPrettyFormat().setEncoding("UTF-8");
			return new org.jdom2.output.XMLOutputter(format).outputString(xml).getBytes(StandardCharsets.UTF_8);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("feed could not be written", ex);
		}
	}

	private static byte[] xml(WireFeed feed) {
		try {
			return new WireFeedOutput().outputString(feed, true).getBytes(StandardCharsets.UTF_8);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("feed could not be written", ex);
		}
	}

	private byte[] jsonFeed(Document feed) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("version", "https://jsonfeed.org/version/1.1");
		root.put("title", feed.title());
		root.put("home_page_url", feed.homeUrl());
		root.put("feed_url", feed.feedUrl());
		root.put("description", feed.description());
		root.put("language", feed.language());
		root.put("authors", List.of(Map.of("name", feed.author())));
		List<Map<String, Object>> items = new ArrayList<>();
		for (Document.Item item : feed.items()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", item.id());
			entry.put("url", item.url());
			entry.put("title", item.title());
			entry.put("content_text", item.text());
			entry.put("date_published", item.published().toString());
			entry.put("date_modified", item.updated().toString());
			entry.put("language", item.language());
			items.add(entry);
		}
		root.put("items", items);
		return json.writeValueAsBytes(root);
	}

	/** A feed in one language, ready to write in any format. */
	record Document(String title, String description, String homeUrl, String feedUrl, String language, String author,
			Instant updated, int ttlMinutes, List<Item> items) {

		record Item(String id, String title, String text, String url, Instant published, Instant updated,
				String language) {
		}

	}

}
