using System.Text;
using System.Text.RegularExpressions;
using PartyAssistant.Text;

namespace PartyAssistant.Corpus;

/// <summary>
/// Builds sections and passages from body blocks, following the way Party documents are written:
/// Roman-numeral parts, numbered items, bullets; or Markdown headings in summaries.
/// </summary>
internal sealed partial class DocumentStructureBuilder
{
    private readonly DocumentMetadata metadata;
    private readonly List<Section> sections = [];
    private readonly List<Passage> passages = [];
    private readonly Dictionary<string, int> counters = new(StringComparer.Ordinal);
    private readonly HashSet<string> usedIds = new(StringComparer.Ordinal);

    private Section? top;      // a part (I, II) or a Markdown heading section
    private Section? item;     // a numbered item that has children
    private Section? special;  // recipients or signature
    private BodyBlock? pendingItemBlock;
    private string? preambleCarry;

    // Markdown headings open so far, by level: an article under a chapter reads "Chương II › Điều 5".
    private readonly List<(int Level, string Heading)> headingStack = [];
    private string? headingTrail;

    private DocumentStructureBuilder(DocumentMetadata metadata) => this.metadata = metadata;

    public static (IReadOnlyList<Section> Sections, IReadOnlyList<Passage> Passages) Build(DocumentMetadata metadata, IReadOnlyList<BodyBlock> blocks)
    {
        var builder = new DocumentStructureBuilder(metadata);
        foreach (var block in blocks)
        {
            builder.Add(block);
        }

        builder.FlushPreamble();
        builder.ResolvePendingItem(hasChildren: false);

        // Last, because continuation paragraphs and recipients are appended to a passage after it is made.
        return (builder.sections, PassageSplitter.Split(builder.passages));
    }

    private void Add(BodyBlock block)
    {
        var text = VietnameseText.Normalize(block.Text);
        switch (block.Kind)
        {
            case BlockKind.Heading:
                this.CloseTop();
                this.EnterHeading(block.Marker!.Length, text);
                this.top = this.OpenSection(HeadingId(block), text, HeadingLabel(text));

                // "Điều 3. Quyết định có hiệu lực từ ngày ký." is the article's whole text, not a title.
                if (IsArticleWithText(text))
                {
                    this.AddPassage(this.top, this.Unique(this.top.Path, this.top), this.top.LabelPart, text, block.Line);
                }

                break;
            case BlockKind.Part:
                this.CloseTop();
                this.headingStack.Clear();
                this.headingTrail = null;
                this.top = this.OpenSection(block.Marker!, $"{block.Marker}. {text}", $"Mục {block.Marker}");
                break;
            case BlockKind.NumberedItem when this.special is null:
                this.FlushPreamble();
                this.ResolvePendingItem(hasChildren: false);
                this.pendingItemBlock = block with { Text = text };
                break;
            case BlockKind.Recipients:
                this.CloseTop();
                this.special = this.OpenSection("noi-nhan", "Nơi nhận", "Nơi nhận");
                this.AddPassage(this.special, "noi-nhan", "Nơi nhận", text, block.Line);
                break;
            case BlockKind.Signature:
                this.CloseTop();
                this.special = this.OpenSection("ky", "Người ký văn bản", "Phần ký");
                this.AddPassage(this.special, "ky", "Phần ký", text, block.Line);
                break;
            default:
                this.AddContent(block, text);
                break;
        }
    }

    private void AddContent(BodyBlock block, string text)
    {
        if (this.special is not null)
        {
            // Recipients and the signature block are cited as one passage each.
            this.AppendToLast(text, separator: this.special.Path == "noi-nhan" ? "; " : " ");
            return;
        }

        if (this.top is null && this.item is null && this.pendingItemBlock is null)
        {
            this.AddPreamble(block, text);
            return;
        }

        // A paragraph that starts in lower case after one that did not end a sentence is the
        // rest of that paragraph, cut by a page break.
        if (block.Kind == BlockKind.Paragraph && block.Marker != BodyBlockReader.EscapedMarker && this.passages.Count > 0 && StartsLowerCase(text) && !SentenceSplitter.EndsWithStop(this.passages[^1].Text))
        {
            this.AppendToLast(text, " ");
            return;
        }

        if (this.pendingItemBlock is not null)
        {
            var hasChildren = block.Kind is BlockKind.Bullet or BlockKind.Point || LooksLikeHeading(this.pendingItemBlock.Text);
            this.ResolvePendingItem(hasChildren);
        }

        var parent = this.item ?? this.top!;
        if (block.Kind == BlockKind.Point)
        {
            // Points keep their own letter: "Điều 2, khoản 3, điểm a" is what a reader looks up.
            // Ids stay ASCII so they can be typed ("xem qd-9/dieu-2.2.dd"); labels keep the letter.
            var letter = block.Marker!;
            var idLetter = letter == "đ" ? "dd" : letter;
            this.AddPassage(parent, this.Unique($"{parent.Path}.{idLetter}", parent), $"{parent.LabelPart}, điểm {letter}", text, block.Line);
            return;
        }

        var (id, labelPart) = this.NextChild(parent, block.Kind == BlockKind.Bullet ? "ý" : "đoạn");
        this.AddPassage(parent, id, labelPart, text, block.Line);
    }

    private void EnterHeading(int level, string text)
    {
        while (this.headingStack.Count > 0 && this.headingStack[^1].Level >= level)
        {
            this.headingStack.RemoveAt(this.headingStack.Count - 1);
        }

        this.headingTrail = this.headingStack.Count == 0 ? null : string.Join(" › ", this.headingStack.Select(h => h.Heading));
        this.headingStack.Add((level, text));
    }

    private void AddPreamble(BodyBlock block, string text)
    {
        // Title lines in capitals ("KẾT LUẬN") belong with the line that follows them.
        if (IsAllCaps(text))
        {
            this.preambleCarry = this.preambleCarry is null ? text : $"{this.preambleCarry} {text}";
            return;
        }

        var combined = this.preambleCarry is null ? text : $"{this.preambleCarry} {text}";
        this.preambleCarry = null;
        var section = this.sections.FirstOrDefault(s => s.Path == "mo-dau") ?? this.OpenSection("mo-dau", "Phần mở đầu", "Phần mở đầu");
        var (id, labelPart) = this.NextChild(section, "đoạn");
        this.AddPassage(section, id, labelPart, combined, block.Line);
    }

    private void FlushPreamble()
    {
        if (this.preambleCarry is not null)
        {
            var carry = this.preambleCarry;
            this.preambleCarry = null;
            this.AddPreamble(new BodyBlock(BlockKind.Paragraph, carry, 1), carry);
        }
    }

    /// <summary>A numbered item is a heading when bullets or paragraphs follow it, otherwise a passage of its own.</summary>
    private void ResolvePendingItem(bool hasChildren)
    {
        if (this.pendingItemBlock is not { } block)
        {
            return;
        }

        this.pendingItemBlock = null;
        var number = block.Marker!;
        var parentPath = this.top?.Path;
        var path = parentPath is null ? number : $"{parentPath}.{number}";
        var parentLabel = this.top?.LabelPart;

        // Inside an article a numbered item is a khoản ("Điều 2, khoản 3"); elsewhere it is
        // numbered within its part ("Mục II.3").
        var inArticle = this.top?.IsArticle == true;
        if (hasChildren)
        {
            var label = parentLabel is null ? $"Điểm {number}" : inArticle ? $"{parentLabel}, khoản {number}" : $"{parentLabel}.{number}";
            this.item = this.OpenSection(path, $"{number}. {block.Text}", label);

            // A khoản's lead-in ("Đảng viên có các nhiệm vụ sau:") is cited too, as "Điều 2, khoản 3";
            // so is an item elsewhere that is a sentence rather than a short heading.
            if (inArticle || SentenceSplitter.EndsWithStop(block.Text) || block.Text.Length > 120)
            {
                this.AddPassage(this.item, this.Unique(path, this.item), label, $"{number}. {block.Text}", block.Line);
            }

            return;
        }

        this.item = null;
        var container = this.top ?? this.OpenSection("noi-dung", "Nội dung", "Nội dung");
        var noun = inArticle ? "khoản" : "điểm";
        this.AddPassage(container, this.Unique(path, container), $"{container.LabelPart}, {noun} {number}", $"{number}. {block.Text}", block.Line);
    }

    private (string Id, string LabelPart) NextChild(Section parent, string noun)
    {
        var key = parent.Path;
        var next = this.counters.GetValueOrDefault(key) + 1;
        this.counters[key] = next;
        var id = this.Unique($"{parent.Path}.{next}", parent);
        return (id, $"{parent.LabelPart}, {noun} {next}");
    }

    private string Unique(string id, Section parent)
    {
        if (!this.usedIds.Contains(id))
        {
            return id;
        }

        var k = 1;
        while (this.usedIds.Contains($"{parent.Path}.p{k}"))
        {
            k++;
        }

        return $"{parent.Path}.p{k}";
    }

    private Section OpenSection(string path, string heading, string labelPart)
    {
        var section = new Section(path, heading, labelPart);
        this.sections.Add(section);
        return section;
    }

    private void CloseTop()
    {
        this.FlushPreamble();
        this.ResolvePendingItem(hasChildren: false);
        this.top = null;
        this.item = null;
        this.special = null;
    }

    private void AddPassage(Section section, string localId, string labelPart, string text, int line)
    {
        this.usedIds.Add(localId);
        var heading = string.Join(" › ", this.sections
            .Where(s => section.Path == s.Path || section.Path.StartsWith(s.Path + ".", StringComparison.Ordinal))
            .Select(s => s.Heading));
        if (this.headingTrail is not null && this.special is null)
        {
            heading = $"{this.headingTrail} › {heading}";
        }
        this.passages.Add(new Passage(
            $"{this.metadata.Id}/{localId}",
            this.metadata.Id,
            section.Path,
            $"{this.metadata.CitationName} · {labelPart}",
            heading,
            text,
            this.passages.Count,
            line));
    }

    private void AppendToLast(string text, string separator)
    {
        var last = this.passages[^1];
        this.passages[^1] = last with { Text = $"{last.Text}{separator}{text}" };
    }

    private static string HeadingId(BodyBlock block)
    {
        if (block.ExplicitId is not null)
        {
            return block.ExplicitId;
        }

        var text = block.Text;
        if (ArticlePattern().Match(text) is { Success: true } article)
        {
            var kind = VietnameseText.Fold(article.Groups["kind"].Value);
            return $"{kind}-{article.Groups["number"].Value.Replace('.', '-')}";
        }

        return CorpusIds.Slug(text, maxLength: 40);
    }

    private static string HeadingLabel(string heading)
    {
        if (ArticlePattern().Match(heading) is { Success: true } article)
        {
            return $"{article.Groups["kind"].Value} {article.Groups["number"].Value}";
        }

        var cut = heading.IndexOfAny(['.', ':', '—', '(']);
        return (cut > 0 ? heading[..cut] : heading).Trim();
    }

    private static bool IsArticleWithText(string heading)
    {
        if (ArticlePattern().Match(heading) is not { Success: true } article || !heading.StartsWith("Điều", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var title = heading[article.Length..].TrimStart('.', ':', ' ', '-', '–');
        return title.Length > 80 || (title.Length > 0 && SentenceSplitter.EndsWithStop(title));
    }

    private static bool LooksLikeHeading(string text) => text.Length <= 250 && !SentenceSplitter.EndsWithStop(text);

    private static bool StartsLowerCase(string text) => text.Length > 0 && char.IsLower(text[0]);

    private static bool IsAllCaps(string text) => VietnameseText.IsAllCaps(text) && text.Length <= 80;

    [GeneratedRegex(@"^(?<kind>Điều|Mục|Phần|Chương)\s+(?<number>[0-9IVX]+(\.[0-9]+)*)", RegexOptions.IgnoreCase)]
    private static partial Regex ArticlePattern();
}
