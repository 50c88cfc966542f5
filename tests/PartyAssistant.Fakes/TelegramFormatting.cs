using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace PartyAssistant.Fakes;

/// <summary>One MessageEntity of a parsed text; offsets and lengths are in UTF-16 code units, as in the Bot API.</summary>
internal sealed record TextEntity(string Type, int Offset, int Length, string? Url = null, string? Language = null, string? CustomEmojiId = null, long? UserId = null)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["offset"] = Offset, ["length"] = Length, ["type"] = Type };
        if (Url is not null)
            json["url"] = Url;
        if (Language is not null)
            json["language"] = Language;
        if (CustomEmojiId is not null)
            json["custom_emoji_id"] = CustomEmojiId;
        if (UserId is { } id)
            json["user"] = new JsonObject { ["id"] = id, ["is_bot"] = false, ["first_name"] = "User" };
        return json;
    }
}

/// <summary>A message text after parse_mode was applied: the plain text Telegram stores, and its entities.</summary>
internal sealed record FormattedText(string Text, IReadOnlyList<TextEntity> Entities)
{
    public JsonArray EntitiesJson() => new([.. Entities.Select(e => (JsonNode)e.ToJson())]);
}

/// <summary>The text after "Bad Request: can't parse entities: ".</summary>
internal sealed class EntityParseException(string message) : Exception(message);

internal sealed class UnsupportedParseModeException() : Exception("unsupported parse_mode");

/// <summary>
/// Telegram's three parse modes, after tdlib's parsers (td/telegram/MessageEntity.cpp): the same tags,
/// the same error texts with UTF-8 byte offsets, and the same trimming of surrounding whitespace.
/// One deliberate difference: a bare '&amp;' in HTML text is rejected here, while tdlib keeps it literally.
/// The Bot API documentation requires escaping it, so a client that relies on the leniency is wrong anyway.
/// </summary>
internal static class TelegramFormatting
{
    private static readonly HashSet<string> HtmlTags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "span", "tg-spoiler", "tg-emoji", "blockquote"];

    /// <summary>Applies <paramref name="parseMode"/> (null, "" or "none" for plain text) and trims the result like Telegram.</summary>
    public static FormattedText Parse(string text, string? parseMode)
    {
        var parsed = (parseMode ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "none" => new FormattedText(text, []),
            "html" => ParseHtml(text),
            "markdownv2" => ParseMarkdownV2(text),
            "markdown" => ParseMarkdown(text),
            _ => throw new UnsupportedParseModeException(),
        };
        return Trim(parsed);
    }

    /// <summary>Telegram drops leading and trailing whitespace of a message; entities are clipped to what is left.</summary>
    private static FormattedText Trim(FormattedText parsed)
    {
        var text = parsed.Text;
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
            start++;
        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        if (start == 0 && end == text.Length)
            return parsed;

        var entities = new List<TextEntity>();
        foreach (var e in parsed.Entities)
        {
            var from = Math.Max(e.Offset, start);
            var to = Math.Min(e.Offset + e.Length, end);
            if (to > from)
                entities.Add(e with { Offset = from - start, Length = to - from });
        }

        return new FormattedText(text[start..end], entities);
    }

    private static List<TextEntity> Sorted(List<TextEntity> entities)
    {
        entities.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : b.Length.CompareTo(a.Length));
        return entities;
    }

    private static int ByteOffset(string text, int index) => Encoding.UTF8.GetByteCount(text.AsSpan(0, index));

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n' or '\v' or '\f';

    // ---------------------------------------------------------------- HTML

    private sealed class OpenTag(string name, string? argument, int start)
    {
        public string Name { get; } = name;
        public string? Argument { get; } = argument;
        public int Start { get; } = start;
        public bool Expandable { get; init; }
        public string? PreLanguage { get; set; }
    }

    public static FormattedText ParseHtml(string text)
    {
        var result = new StringBuilder(text.Length);
        var open = new List<OpenTag>();
        var entities = new List<TextEntity>();
        var n = text.Length;
        var i = 0;
        while (i < n)
        {
            var c = text[i];
            if (c == '&')
            {
                if (TryDecodeHtmlEntity(text, i, out var decoded, out var consumed))
                {
                    result.Append(decoded);
                    i += consumed;
                    continue;
                }

                throw new EntityParseException(
                    $"Character '&' at byte offset {ByteOffset(text, i)} does not start a supported entity; write it as \"&amp;\"");
            }

            if (c != '<')
            {
                result.Append(c);
                i++;
                continue;
            }

            var begin = i;
            if (i + 1 < n && text[i + 1] == '/')
            {
                i += 2;
                var nameStart = i;
                while (i < n && !IsSpace(text[i]) && text[i] != '>')
                    i++;
                var endName = text[nameStart..i].ToLowerInvariant();
                while (i < n && IsSpace(text[i]))
                    i++;
                if (i >= n || text[i] != '>')
                    throw new EntityParseException($"Unclosed end tag at byte offset {ByteOffset(text, begin)}");
                if (open.Count == 0)
                    throw new EntityParseException($"Unexpected end tag at byte offset {ByteOffset(text, begin)}");
                var top = open[^1];
                if (endName != top.Name)
                    throw new EntityParseException(
                        $"Unmatched end tag at byte offset {ByteOffset(text, begin)}, expected \"</{top.Name}>\", found \"</{endName}>\"");
                open.RemoveAt(open.Count - 1);
                i++;
                CloseHtmlTag(top, result, open, entities);
                continue;
            }

            i++;
            var tagStart = i;
            while (i < n && !IsSpace(text[i]) && text[i] != '>')
                i++;
            if (i >= n)
                throw new EntityParseException($"Unclosed start tag at byte offset {ByteOffset(text, begin)}");
            var tagName = text[tagStart..i].ToLowerInvariant();
            if (!HtmlTags.Contains(tagName))
                throw new EntityParseException($"Unsupported start tag \"{tagName}\" at byte offset {ByteOffset(text, begin)}");

            string? argument = null;
            var expandable = false;
            while (true)
            {
                while (i < n && IsSpace(text[i]))
                    i++;
                if (i >= n)
                    throw new EntityParseException($"Unclosed start tag at byte offset {ByteOffset(text, begin)}");
                if (text[i] == '>')
                    break;

                var attributeStart = i;
                while (i < n && !IsSpace(text[i]) && text[i] != '=' && text[i] != '>')
                    i++;
                var attribute = text[attributeStart..i].ToLowerInvariant();
                if (attribute.Length == 0)
                    throw new EntityParseException($"Empty attribute name in the tag \"{tagName}\" at byte offset {ByteOffset(text, begin)}");
                while (i < n && IsSpace(text[i]))
                    i++;
                if (i >= n)
                    throw new EntityParseException($"Unclosed start tag at byte offset {ByteOffset(text, begin)}");
                if (text[i] != '=')
                {
                    if (tagName == "blockquote" && attribute == "expandable")
                    {
                        expandable = true;
                        continue;
                    }

                    throw new EntityParseException(
                        $"Expected equal sign in declaration of an attribute of the tag \"{tagName}\" at byte offset {ByteOffset(text, begin)}");
                }

                i++;
                while (i < n && IsSpace(text[i]))
                    i++;
                if (i >= n)
                    throw new EntityParseException($"Unclosed start tag at byte offset {ByteOffset(text, begin)}");

                string value;
                if (text[i] is '"' or '\'')
                {
                    var quote = text[i++];
                    var sb = new StringBuilder();
                    while (i < n && text[i] != quote)
                    {
                        // Inside attribute values tdlib decodes entities but keeps a bare '&' (URLs are full of them).
                        if (text[i] == '&' && TryDecodeHtmlEntity(text, i, out var decoded, out var consumed))
                        {
                            sb.Append(decoded);
                            i += consumed;
                            continue;
                        }

                        sb.Append(text[i++]);
                    }

                    if (i >= n)
                        throw new EntityParseException($"Unclosed start tag at byte offset {ByteOffset(text, begin)}");
                    i++;
                    value = sb.ToString();
                }
                else
                {
                    var tokenStart = i;
                    while (i < n && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '-'))
                        i++;
                    value = text[tokenStart..i].ToLowerInvariant();
                    if (i >= n)
                        throw new EntityParseException($"Unclosed start tag at byte offset {ByteOffset(text, begin)}");
                    if (!IsSpace(text[i]) && text[i] != '>')
                        throw new EntityParseException($"Unexpected end of name token at byte offset {ByteOffset(text, tokenStart)}");
                }

                switch (tagName, attribute)
                {
                    case ("a", "href"):
                    case ("tg-emoji", "emoji-id"):
                        argument = value;
                        break;
                    case ("code", "class") when value.StartsWith("language-", StringComparison.Ordinal):
                        argument = value["language-".Length..];
                        break;
                    case ("span", "class") when value.StartsWith("tg-", StringComparison.Ordinal):
                        argument = value["tg-".Length..];
                        break;
                    case ("blockquote", "expandable"):
                        expandable = true;
                        break;
                }
            }

            if (tagName == "span" && argument != "spoiler")
                throw new EntityParseException($"Tag \"span\" must have class \"tg-spoiler\" at byte offset {ByteOffset(text, begin)}");
            if (tagName == "tg-emoji" && !long.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                throw new EntityParseException($"Invalid custom emoji identifier specified at byte offset {ByteOffset(text, begin)}");

            open.Add(new OpenTag(tagName, argument, result.Length) { Expandable = expandable });
            i++;
        }

        if (open.Count > 0)
            throw new EntityParseException($"Can't find end tag corresponding to start tag \"{open[^1].Name}\"");

        return new FormattedText(result.ToString(), Sorted(entities));
    }

    private static void CloseHtmlTag(OpenTag tag, StringBuilder result, List<OpenTag> open, List<TextEntity> entities)
    {
        var offset = tag.Start;
        var length = result.Length - offset;
        if (length == 0)
            return;

        TextEntity? entity = tag.Name switch
        {
            "b" or "strong" => new("bold", offset, length),
            "i" or "em" => new("italic", offset, length),
            "u" or "ins" => new("underline", offset, length),
            "s" or "strike" or "del" => new("strikethrough", offset, length),
            "span" or "tg-spoiler" => new("spoiler", offset, length),
            "tg-emoji" => new("custom_emoji", offset, length, CustomEmojiId: tag.Argument),
            "blockquote" => new(tag.Expandable ? "expandable_blockquote" : "blockquote", offset, length),
            "pre" => new("pre", offset, length, Language: tag.PreLanguage),
            "a" => LinkEntity(string.IsNullOrEmpty(tag.Argument) ? result.ToString(offset, length) : tag.Argument, offset, length),
            "code" when open.Count > 0 && open[^1].Name == "pre" && tag.Argument is { Length: > 0 } language => SetPreLanguage(open[^1], language),
            "code" => new("code", offset, length),
            _ => null,
        };
        if (entity is not null)
            entities.Add(entity);
    }

    private static TextEntity? SetPreLanguage(OpenTag pre, string language)
    {
        pre.PreLanguage = language;
        return null; // <pre><code class="language-x"> is one pre entity with a language
    }

    /// <summary>Like tdlib: tg://user?id= makes a text_mention, a valid URL a text_link, anything else no entity at all.</summary>
    private static TextEntity? LinkEntity(string url, int offset, int length)
    {
        if (url.StartsWith("tg://user?id=", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(url["tg://user?id=".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
            return new TextEntity("text_mention", offset, length, UserId: userId);
        if (!url.Contains("://", StringComparison.Ordinal))
            url = "http://" + url;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "tg" or "ton"
            ? new TextEntity("text_link", offset, length, Url: url)
            : null;
    }

    /// <summary>&amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric references, each ending with ';': the only entities Telegram knows.</summary>
    private static bool TryDecodeHtmlEntity(string text, int at, out string decoded, out int consumed)
    {
        decoded = "";
        consumed = 0;
        var semicolon = text.IndexOf(';', at + 1);
        if (semicolon < 0 || semicolon - at > 12)
            return false;

        var name = text[(at + 1)..semicolon];
        switch (name)
        {
            case "lt": decoded = "<"; break;
            case "gt": decoded = ">"; break;
            case "amp": decoded = "&"; break;
            case "quot": decoded = "\""; break;
            default:
                if (name.Length < 2 || name[0] != '#')
                    return false;
                var hex = name[1] is 'x' or 'X';
                var digits = name[(hex ? 2 : 1)..];
                if (digits.Length == 0
                    || !int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                    || code is <= 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
                    return false;
                decoded = char.ConvertFromUtf32(code);
                break;
        }

        consumed = semicolon - at + 1;
        return true;
    }

    // ---------------------------------------------------------------- MarkdownV2

    private const string MarkdownV2Reserved = "_*[]()~`>#+-=|{}.!";

    private sealed record MarkdownOpen(string Type, int Start, int ByteOffset, string? Language = null);

    public static FormattedText ParseMarkdownV2(string text)
    {
        var result = new StringBuilder(text.Length);
        var open = new List<MarkdownOpen>();
        var entities = new List<TextEntity>();
        int? quoteStart = null;
        var lineStart = true;
        var n = text.Length;
        for (var i = 0; i < n; i++)
        {
            var c = text[i];
            var atLineStart = lineStart;
            lineStart = c == '\n';
            if (c == '\\' && i + 1 < n && text[i + 1] is > '\0' and <= '~')
            {
                result.Append(text[++i]);
                continue;
            }

            if (open.Count > 0 && open[^1].Type is "code" or "pre" && c != '`')
            {
                result.Append(c);
                continue;
            }

            if (c == '>' && atLineStart && open.Count == 0)
            {
                quoteStart ??= result.Length;
                continue;
            }

            if (c == '\n' && quoteStart is { } qs && !(i + 1 < n && text[i + 1] == '>'))
            {
                if (result.Length > qs)
                    entities.Add(new TextEntity("blockquote", qs, result.Length - qs));
                quoteStart = null;
            }

            if (!MarkdownV2Reserved.Contains(c))
            {
                result.Append(c);
                continue;
            }

            var next = i + 1 < n ? text[i + 1] : '\0';
            var isEnd = open.Count > 0 && open[^1].Type switch
            {
                "bold" => c == '*',
                "italic" => c == '_' && next != '_',
                "underline" => c == '_' && next == '_',
                "strikethrough" => c == '~',
                "spoiler" => c == '|' && next == '|',
                "text_link" or "custom_emoji" => c == ']',
                "code" => c == '`',
                "pre" => c == '`' && next == '`' && i + 2 < n && text[i + 2] == '`',
                _ => false,
            };

            if (!isEnd)
            {
                var byteOffset = ByteOffset(text, i);
                string type;
                string? language = null;
                switch (c)
                {
                    case '_' when next == '_': type = "underline"; i++; break;
                    case '_': type = "italic"; break;
                    case '*': type = "bold"; break;
                    case '~': type = "strikethrough"; break;
                    case '|' when next == '|': type = "spoiler"; i++; break;
                    case '[': type = "text_link"; break;
                    case '!' when next == '[': type = "custom_emoji"; i++; break;
                    case '`' when next == '`' && i + 2 < n && text[i + 2] == '`':
                        type = "pre";
                        i += 3;
                        var languageEnd = i;
                        while (languageEnd < n && !IsSpace(text[languageEnd]) && text[languageEnd] != '`')
                            languageEnd++;
                        if (languageEnd < n && text[languageEnd] == '\n')
                        {
                            language = languageEnd > i ? text[i..languageEnd] : null;
                            i = languageEnd; // the newline after the language is not part of the text
                        }
                        else
                        {
                            i--; // no language line: the loop's i++ lands on the first character of the block
                        }

                        break;
                    case '`': type = "code"; break;
                    default:
                        throw new EntityParseException($"Character '{c}' is reserved and must be escaped with the preceding '\\'");
                }

                open.Add(new MarkdownOpen(type, result.Length, byteOffset, language));
                continue;
            }

            var entity = open[^1];
            open.RemoveAt(open.Count - 1);
            var offset = entity.Start;
            var length = result.Length - offset;
            string? url = null;
            switch (entity.Type)
            {
                case "underline" or "spoiler":
                    i++;
                    break;
                case "pre":
                    i += 2;
                    break;
                case "text_link" or "custom_emoji":
                    if (next == '(')
                    {
                        var url0 = new StringBuilder();
                        i += 2;
                        while (i < n && text[i] != ')')
                        {
                            if (text[i] == '\\' && i + 1 < n && text[i + 1] is > '\0' and <= '~')
                                i++;
                            url0.Append(text[i++]);
                        }

                        if (i >= n)
                            throw new EntityParseException($"Can't find end of a URL at byte offset {entity.ByteOffset}");
                        url = url0.ToString();
                    }
                    else if (entity.Type == "custom_emoji")
                    {
                        throw new EntityParseException($"Custom emoji entity must contain a tg://emoji URL at byte offset {entity.ByteOffset}");
                    }
                    else
                    {
                        url = result.ToString(offset, length);
                    }

                    break;
            }

            if (length == 0)
                continue;
            var added = entity.Type switch
            {
                "text_link" => LinkEntity(url ?? "", offset, length),
                "custom_emoji" => url!.StartsWith("tg://emoji?id=", StringComparison.Ordinal)
                    ? new TextEntity("custom_emoji", offset, length, CustomEmojiId: url["tg://emoji?id=".Length..])
                    : throw new EntityParseException($"Custom emoji URL must have an emoji identifier at byte offset {entity.ByteOffset}"),
                "pre" => new TextEntity("pre", offset, length, Language: entity.Language),
                var type => new TextEntity(type, offset, length),
            };
            if (added is not null)
                entities.Add(added);
        }

        if (open.Count > 0)
        {
            var unclosed = open[^1];
            throw new EntityParseException($"Can't find end of {EntityName(unclosed.Type)} entity at byte offset {unclosed.ByteOffset}");
        }

        if (quoteStart is { } q && result.Length > q)
            entities.Add(new TextEntity("blockquote", q, result.Length - q));
        return new FormattedText(result.ToString(), Sorted(entities));
    }

    private static string EntityName(string type) => type switch
    {
        "bold" => "Bold",
        "italic" => "Italic",
        "underline" => "Underline",
        "strikethrough" => "Strikethrough",
        "spoiler" => "Spoiler",
        "text_link" => "TextUrl",
        "custom_emoji" => "CustomEmoji",
        "code" => "Code",
        "pre" => "Pre",
        _ => type,
    };

    // ---------------------------------------------------------------- legacy Markdown

    public static FormattedText ParseMarkdown(string text)
    {
        var result = new StringBuilder(text.Length);
        var entities = new List<TextEntity>();
        var n = text.Length;
        for (var i = 0; i < n; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < n && text[i + 1] is '_' or '*' or '`' or '[')
            {
                result.Append(text[++i]);
                continue;
            }

            if (c is not ('_' or '*' or '`' or '['))
            {
                result.Append(c);
                continue;
            }

            var beginByte = ByteOffset(text, i);
            var isPre = c == '`' && i + 2 < n && text[i + 1] == '`' && text[i + 2] == '`';
            var endMarker = isPre ? "```" : c == '[' ? "]" : c.ToString();
            i += isPre ? 3 : 1;
            string? language = null;
            if (isPre)
            {
                var languageEnd = i;
                while (languageEnd < n && !IsSpace(text[languageEnd]) && text[languageEnd] != '`')
                    languageEnd++;
                if (languageEnd < n && text[languageEnd] == '\n')
                {
                    language = languageEnd > i ? text[i..languageEnd] : null;
                    i = languageEnd + 1;
                }
            }

            var start = result.Length;
            var end = text.IndexOf(endMarker, i, StringComparison.Ordinal);
            if (end < 0)
                throw new EntityParseException($"Can't find end of the entity starting at byte offset {beginByte}");
            result.Append(text, i, end - i);
            i = end + endMarker.Length - 1;
            var length = result.Length - start;

            TextEntity? entity;
            if (c == '[')
            {
                if (i + 1 < n && text[i + 1] == '(')
                {
                    var close = text.IndexOf(')', i + 2);
                    if (close < 0)
                        throw new EntityParseException($"Can't find end of a URL at byte offset {ByteOffset(text, i + 1)}");
                    var url = text[(i + 2)..close];
                    i = close;
                    entity = length > 0 ? LinkEntity(url, start, length) : null;
                }
                else
                {
                    entity = null; // "[text]" without a URL stays plain text
                }
            }
            else
            {
                entity = length == 0 ? null : c switch
                {
                    '_' => new TextEntity("italic", start, length),
                    '*' => new TextEntity("bold", start, length),
                    _ when isPre => new TextEntity("pre", start, length, Language: language),
                    _ => new TextEntity("code", start, length),
                };
            }

            if (entity is not null)
                entities.Add(entity);
        }

        return new FormattedText(result.ToString(), Sorted(entities));
    }
}
