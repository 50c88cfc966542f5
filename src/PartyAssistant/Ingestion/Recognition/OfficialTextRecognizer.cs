using System.Globalization;
using System.Text.RegularExpressions;
using PartyAssistant.Corpus;
using PartyAssistant.Text;

namespace PartyAssistant.Ingestion;

/// <summary>
/// Reads the layout of a Vietnamese Party or state document from its paragraphs: the header block
/// (party or state name, issuer, số hiệu, place and date), the type line and trích yếu, the body
/// (Phần, Chương, Mục, Điều, khoản, điểm, Roman parts, bullets), the recipients and the signature.
/// </summary>
/// <remarks>
/// Title wording: <see cref="DetectedMetadata.Title"/> is a sentence that starts with the type,
/// "Quy định về trách nhiệm …", "Kết luận của Ban Chấp hành Đảng bộ Tỉnh khoá XI về …" (the corpus
/// convention); null when nothing follows the type line. Issuer: the last issuer line of the header;
/// when there is none, the "của …" part of the title.
/// </remarks>
public static partial class OfficialTextRecognizer
{
    private static readonly (string Folded, string Type)[] Types =
    [
        ("quy dinh", "Quy định"), ("ket luan", "Kết luận"), ("huong dan", "Hướng dẫn"), ("nghi quyet", "Nghị quyết"),
        ("chi thi", "Chỉ thị"), ("quyet dinh", "Quyết định"), ("ke hoach", "Kế hoạch"), ("thong bao", "Thông báo"),
    ];

    private static readonly string[] Positions =
    [
        "bi thu", "chu tich", "truong ban", "pho truong", "thuong truc", "uy vien", "chanh van phong", "bo truong",
        "thu truong", "giam doc", "thu tuong", "chu nhiem", "tong thu ky", "da ky", "ky ten",
    ];

    /// <param name="cancellationToken">Checked between paragraphs and units, so a time budget can stop a very long file.</param>
    /// <param name="fromScan">The text was read by OCR: the issuer's name gets back the marks that bold capitals lose.</param>
    public static RecognizedDocument Recognize(IReadOnlyList<ExtractedParagraph> paragraphs, CancellationToken cancellationToken = default, bool fromScan = false)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var lines = Lines(paragraphs, cancellationToken);
        var (metadata, titleIssuer, bodyStart) = new HeaderReader(lines, fromScan).Read();
        var units = Units(lines, bodyStart);
        cancellationToken.ThrowIfCancellationRequested();
        var (body, signer, onBehalfOf) = new BodyReader(units, cancellationToken).Read();

        // The header of a central document names the Ban Chấp hành Trung ương; "T/M BỘ CHÍNH TRỊ" names the body that issued it.
        var issuer = metadata.Issuer is null ? titleIssuer ?? onBehalfOf
            : onBehalfOf is not null && VietnameseText.Fold(metadata.Issuer) == "ban chap hanh trung uong" ? onBehalfOf
            : metadata.Issuer;
        return new RecognizedDocument(metadata with { Signer = signer, Issuer = issuer }, body);
    }

    // ---- lines and units ---------------------------------------------------------------------

    private sealed record Line(string Text, bool StartsParagraph);

    /// <summary>A paragraph as the body sees it: lines joined, except that a list marker or heading starts a new unit.</summary>
    private sealed record Unit(string Text, IReadOnlyList<string> Lines);

    private static List<Line> Lines(IReadOnlyList<ExtractedParagraph> paragraphs, CancellationToken cancellationToken)
    {
        var lines = new List<Line>();
        foreach (var paragraph in paragraphs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = true;
            var text = VietnameseText.Normalize(paragraph.Text ?? string.Empty);
            foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
            {
                // Emphasis is removed line by line, as the corpus reader removes it from a block.
                var line = MarkdownHeading().Replace(Spaces().Replace(BodyBlockReader.StripEmphasis(raw), " ").Trim(), string.Empty);
                if (line.Length == 0)
                {
                    continue;
                }

                lines.Add(new Line(line, first));
                first = false;
            }
        }

        return lines;
    }

    private static List<Unit> Units(List<Line> lines, int start)
    {
        var units = new List<Unit>();
        List<string>? current = null;
        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            if (current is null || line.StartsParagraph || StartsUnit(line.Text) || IsSeparator(current[^1]))
            {
                if (current is not null)
                {
                    units.Add(new Unit(string.Join(' ', current), current));
                }

                current = [line.Text];
            }
            else
            {
                current.Add(line.Text);
            }
        }

        if (current is not null)
        {
            units.Add(new Unit(string.Join(' ', current), current));
        }

        return units;
    }

    private static bool StartsUnit(string line) =>
        IsSeparator(line) || BulletPattern().IsMatch(line) || ClausePattern().IsMatch(line) || PointPattern().IsMatch(line) ||
        RomanPattern().IsMatch(line) || IsHeadingLine(line) || RecipientsPattern().IsMatch(line) || BodyBlockReader.SignatureLine().IsMatch(line) ||
        SignedPattern().IsMatch(line);

    private static bool IsHeadingLine(string line) =>
        ArticleHeading(line) is not null || HeadingMatch(PartPattern(), line) is not null ||
        HeadingMatch(ChapterPattern(), line) is not null || HeadingMatch(SectionPattern(), line) is not null;

    // ---- header, type line and title ---------------------------------------------------------

    private sealed class HeaderReader(List<Line> lines, bool fromScan)
    {
        private readonly List<string> issuerLines = [];
        private readonly List<string> titleParts = [];
        private string? type;
        private string? number;
        private DateOnly? date;
        private string? place;
        private bool sawNationalLine;

        public (DetectedMetadata Metadata, string? TitleIssuer, int BodyStart) Read()
        {
            var i = 0;
            for (; i < lines.Count; i++)
            {
                var text = this.JoinWrappedDate(ref i);
                // A line with neither letter nor digit is a rule or a specks of a scan, not the start of the text.
                if (IsSeparator(text) || !text.Any(char.IsLetterOrDigit))
                {
                    continue;
                }

                var rest = this.TakeHeaderFacts(text, out var tookAny);
                if (rest.Length == 0 && tookAny)
                {
                    continue;
                }

                if (TypeLine(rest) is { } typeLine)
                {
                    this.type = typeLine.Type;
                    if (typeLine.Remainder.Length > 0)
                    {
                        this.titleParts.Add(typeLine.Remainder);
                    }

                    i = this.ReadTitle(i + 1);
                    break;
                }

                if (OfficialCase.IsCaps(rest) && rest.Length <= 120 && !StartsUnit(rest))
                {
                    this.issuerLines.Add(rest);
                    continue;
                }

                break;
            }

            if (this.type is null && this.number is null && this.date is null && !this.sawNationalLine)
            {
                // No type line and nothing else of a header: the capitals at the top are the text's own.
                this.issuerLines.Clear();
                i = 0;
            }

            var (metadata, titleIssuer) = this.Metadata();
            return (metadata, titleIssuer, i);
        }

        /// <summary>
        /// Line <paramref name="i"/>, with the rest of its date when the narrow header column wrapped it
        /// ("An Phú, ngày 15 tháng 3 năm" / "2026"); <paramref name="i"/> then points at the last line used.
        /// </summary>
        private string JoinWrappedDate(ref int i)
        {
            var text = lines[i].Text;
            while (i + 1 < lines.Count && UnfinishedDate().IsMatch(text) && DateContinuation().IsMatch(lines[i + 1].Text) && !LongDate().IsMatch(text))
            {
                i++;
                text = $"{text} {lines[i].Text}";
            }

            return text;
        }

        private int ReadTitle(int i)
        {
            var lastWasCaps = this.titleParts.Count > 0;
            for (; i < lines.Count; i++)
            {
                var text = lines[i].Text;
                if (IsSeparator(text))
                {
                    if (this.titleParts.Count > 0)
                    {
                        // The line under the title ends it; a number or date may still follow.
                        return this.SkipHeaderFacts(i + 1);
                    }

                    continue;
                }

                if (HeaderFactLine().IsMatch(text) && this.TakeHeaderFacts(text, out var tookAny).Length == 0 && tookAny)
                {
                    continue;
                }

                if (!this.IsTitleLine(text, lastWasCaps))
                {
                    return i;
                }

                lastWasCaps = OfficialCase.IsCaps(text);
                this.titleParts.Add(text);
            }

            return i;
        }

        private int SkipHeaderFacts(int i)
        {
            for (; i < lines.Count; i++)
            {
                var text = lines[i].Text;
                if (IsSeparator(text))
                {
                    continue;
                }

                if (!HeaderFactLine().IsMatch(text) || this.TakeHeaderFacts(text, out var tookAny).Length > 0 || !tookAny)
                {
                    break;
                }
            }

            return i;
        }

        private bool IsTitleLine(string text, bool lastWasCaps)
        {
            if (StartsUnit(text) || BodyOpener().IsMatch(text) || text.EndsWith(':'))
            {
                return false;
            }

            if (char.IsLower(text[0]) || (lastWasCaps && OfficialCase.IsCaps(text)))
            {
                return true;
            }

            if (this.titleParts.Count == 0)
            {
                return OfficialCase.IsCaps(text) || text.Length <= 200;
            }

            return text.Length <= 150 && !SentenceSplitter.EndsWithStop(this.titleParts[^1]) && !SentenceSplitter.EndsWithStop(text);
        }

        /// <summary>Takes the party or state name, the motto, the số hiệu and the place and date out of a header line.</summary>
        private string TakeHeaderFacts(string text, out bool tookAny)
        {
            tookAny = false;
            var rest = text.Trim('*', ' ');
            foreach (var pattern in new[] { PartyName(), StateName(), Motto() })
            {
                var cut = CutFolded(rest, pattern);
                if (cut is not null)
                {
                    rest = cut;
                    tookAny = true;
                    this.sawNationalLine = true;
                }
            }

            if (NumberPattern().Match(rest) is { Success: true } numberMatch)
            {
                this.number ??= NormalizeNumber(numberMatch.Groups["n"].Value);
                rest = rest.Remove(numberMatch.Index, numberMatch.Length);
                tookAny = true;
            }

            var dateMatch = LongDate().Match(rest);
            if (!dateMatch.Success)
            {
                dateMatch = ShortDate().Match(rest);
            }

            if (dateMatch.Success && TryDate(dateMatch, out var parsed))
            {
                this.date ??= parsed;
                var before = rest[..dateMatch.Index].Trim().TrimEnd(',').Trim().TrimStart('*', ' ');
                if (before.Length is > 1 and <= 40 && char.IsUpper(before[0]) && !OfficialCase.IsCaps(before))
                {
                    this.place ??= before;
                    rest = rest[(dateMatch.Index + dateMatch.Length)..];
                }
                else
                {
                    rest = rest.Remove(dateMatch.Index, dateMatch.Length);
                }

                tookAny = true;
            }

            rest = Spaces().Replace(rest, " ").Trim().Trim(',', ';').Trim();
            return rest;
        }

        private (DetectedMetadata Metadata, string? TitleIssuer) Metadata()
        {
            string? title = null;
            string? issuerOfTitle = null;
            if (this.type is not null && this.titleParts.Count > 0)
            {
                var subject = string.Join(' ', this.titleParts.Select(p => OfficialCase.Convert(p, asName: false))).Trim().TrimEnd('.');
                title = $"{this.type} {subject}";
                if (OfTitle().Match(subject) is { Success: true } of)
                {
                    issuerOfTitle = of.Groups["issuer"].Value.Trim();
                    issuerOfTitle = char.ToUpperInvariant(issuerOfTitle[0]) + issuerOfTitle[1..];
                }
            }

            return (new DetectedMetadata(this.type, this.number, this.date, this.Issuer(), title, null, this.place), issuerOfTitle);
        }

        private string? Issuer()
        {
            if (this.issuerLines.Count == 0)
            {
                return null;
            }

            var issuerLines = fromScan ? this.issuerLines.Select(l => OcrRepairs.RestoreHeaderMarks(l, this.place)).ToList() : this.issuerLines;
            var last = issuerLines[^1];
            if (issuerLines.Count >= 2)
            {
                var previous = issuerLines[^2];
                var foldedLast = VietnameseText.Fold(last);
                if (PlaceLine().IsMatch(foldedLast))
                {
                    // "ỦY BAN NHÂN DÂN" / "TỈNH CÀ MAU": one name on two lines.
                    last = $"{previous} {last}";
                }
                else if (BareCommittee().IsMatch(foldedLast) && VietnameseText.Fold(previous).StartsWith("dang bo ", StringComparison.Ordinal))
                {
                    // "ĐẢNG BỘ TỈNH CÀ MAU" / "TỈNH ỦY": the committee of that place.
                    var words = previous.Split(' ');
                    var skip = VietnameseText.Fold(words.Length > 3 ? $"{words[2]} {words[3]}" : string.Empty) == "thanh pho" ? 4 : 3;
                    last = string.Join(' ', [last, .. words.Skip(skip)]);
                }
            }

            return OfficialCase.Convert(last, asName: true);
        }
    }

    private static (string Type, string Remainder)? TypeLine(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return null;
        }

        var head = $"{words[0]} {words[1]}".TrimEnd(':', '.');
        var folded = VietnameseText.Fold(head);
        var match = Types.FirstOrDefault(t => t.Folded == folded);
        if (match.Type is null)
        {
            return null;
        }

        var rest = string.Join(' ', words.Skip(2)).Trim().TrimStart(':').Trim();
        var exact = rest.Length == 0 && words[1].TrimEnd(':', '.').Length == words[1].Length;
        return OfficialCase.IsCaps(head) || exact ? (match.Type, rest) : null;
    }

    private static string NormalizeNumber(string printed) =>
        Spaces().Replace(printed, string.Empty).Replace('–', '-').TrimEnd('.', ',', ';');

    private static bool TryDate(Match match, out DateOnly date)
    {
        date = default;
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year < 1930 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>The text with the first match of a pattern on its folded form cut out; null when there is none.</summary>
    private static string? CutFolded(string text, Regex pattern)
    {
        var folded = VietnameseText.Fold(text);
        if (folded.Length != text.Length || pattern.Match(folded) is not { Success: true } match)
        {
            return null;
        }

        return text.Remove(match.Index, match.Length);
    }

    // ---- body --------------------------------------------------------------------------------

    private sealed class BodyReader(List<Unit> units, CancellationToken cancellationToken)
    {
        private readonly List<StructuredBlock> blocks = [];
        private readonly List<string> signature = [];
        private readonly bool hasArticles = units.Any(u => ArticleHeading(u.Text) is not null);
        private string? signatureMarker;

        public (IReadOnlyList<StructuredBlock> Body, string? Signer, string? OnBehalfOf) Read()
        {
            var tail = this.SignatureTailStart();
            var mode = Mode.Text;
            for (var i = 0; i < units.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var unit = units[i];
                if (IsSeparator(unit.Text))
                {
                    continue;
                }

                if (RecipientsPattern().Match(unit.Text) is { Success: true } recipients)
                {
                    mode = Mode.Recipients;
                    this.AddRecipients(recipients.Groups["rest"].Value);
                    continue;
                }

                if (mode != Mode.Signature && ((BodyBlockReader.SignatureLine().IsMatch(unit.Text) && this.NearTheEnd(i)) || i >= tail))
                {
                    mode = Mode.Signature;
                    this.signatureMarker = BodyBlockReader.SignatureLine().Match(unit.Text) is { Success: true } marker ? marker.Groups["marker"].Value : null;
                }

                switch (mode)
                {
                    case Mode.Signature:
                        this.signature.AddRange(unit.Lines);
                        break;
                    case Mode.Recipients:
                        foreach (var line in unit.Lines)
                        {
                            this.AddRecipients(line);
                        }

                        break;
                    default:
                        i = this.AddText(i);
                        break;
                }
            }

            string? signer = null;
            string? onBehalfOf = null;
            if (this.signature.Count > 0)
            {
                if (OnBehalfOf().Match(this.signature[0]) is { Success: true } body && OfficialCase.IsCaps(body.Groups["body"].Value))
                {
                    onBehalfOf = OfficialCase.Convert(body.Groups["body"].Value.Trim(), asName: true);
                }

                if (IsName(this.signature[^1]))
                {
                    signer = OfficialCase.TitleCase(this.signature[^1]);
                }

                // The signature sits where the text ends, also when the recipients were read after it.
                this.blocks.Add(new StructuredBlock(StructureKind.Signature, string.Join('\n', this.signature), this.signatureMarker));
            }

            return (this.blocks, signer, onBehalfOf);
        }

        /// <summary>A signature only starts where at most a few lines are left before the end or the recipients.</summary>
        private bool NearTheEnd(int i)
        {
            var end = i;
            while (end < units.Count && !RecipientsPattern().IsMatch(units[end].Text))
            {
                end++;
            }

            return end - i <= 8;
        }

        private enum Mode
        {
            Text,
            Recipients,
            Signature,
        }

        private void AddRecipients(string text)
        {
            var recipient = BulletPattern().Replace(text.Trim(), string.Empty).Trim();
            if (recipient.Length > 0)
            {
                this.blocks.Add(new StructuredBlock(StructureKind.Recipients, recipient));
            }
        }

        /// <summary>Adds the block of unit <paramref name="i"/>; returns the last unit it used (a heading may take its title from the next).</summary>
        private int AddText(int i)
        {
            var text = units[i].Text;
            if (ArticleHeading(text) is { } article)
            {
                var (title, used) = article.Title.Length > 0 ? (article.Title, i) : this.TitleFromNext(i, capsOnly: false);
                if (SentenceBreak().Match(title) is { Success: true } cut && cut.Index <= 120)
                {
                    // A heading run together with its first paragraph (PDF): split after the title.
                    this.Add(StructureKind.Article, title[..(cut.Index + 1)].TrimEnd('.', ':'), article.Number);
                    this.Add(StructureKind.Paragraph, title[(cut.Index + cut.Length)..].Trim());
                    return used;
                }

                // "Điều 3. Quyết định có hiệu lực từ ngày ký." and "Điều 1. Thành lập đoàn gồm:" are the
                // article's text, not its title: a title ("Phạm vi điều chỉnh") is short and unpunctuated.
                var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                if ((title.Length > 80 && SentenceSplitter.EndsWithStop(title)) || title.TrimEnd().EndsWith(':') || (title.TrimEnd().EndsWith('.') && words >= 6))
                {
                    // "Điều 2. Quyết định này có hiệu lực …": an article without a title, its text on the same line.
                    this.Add(StructureKind.Article, string.Empty, article.Number);
                    this.Add(StructureKind.Paragraph, title);
                    return used;
                }

                this.Add(StructureKind.Article, title.TrimEnd('.'), article.Number);
                return used;
            }

            foreach (var (pattern, kind) in new[] { (PartPattern(), StructureKind.Part), (ChapterPattern(), StructureKind.Chapter), (SectionPattern(), StructureKind.Section) })
            {
                if (HeadingMatch(pattern, text) is { } heading)
                {
                    var (title, used) = heading.Title.Length > 0 ? (heading.Title, i) : this.TitleFromNext(i, capsOnly: true);
                    while (used + 1 < units.Count && OfficialCase.IsCaps(title) && this.IsCapsTitle(used + 1))
                    {
                        used++;
                        title = $"{title} {units[used].Text}";
                    }

                    this.Add(kind, title.TrimEnd('.'), kind == StructureKind.Part ? PartMarker(heading.Number) : heading.Number.ToUpperInvariant());
                    return used;
                }
            }

            if (ClausePattern().Match(text) is { Success: true } clause)
            {
                this.Add(StructureKind.Clause, clause.Groups["text"].Value, clause.Groups["n"].Value);
            }
            else if (PointPattern().Match(text) is { Success: true } point)
            {
                this.Add(StructureKind.Point, point.Groups["text"].Value, point.Groups["n"].Value);
            }
            else if (!this.hasArticles && RomanPattern().Match(text) is { Success: true } roman && OfficialCase.IsRoman(roman.Groups["n"].Value))
            {
                // A title in capitals may go on in the next paragraph (a PDF line break).
                var title = roman.Groups["text"].Value;
                while (i + 1 < units.Count && OfficialCase.IsCaps(title) && this.IsCapsTitle(i + 1))
                {
                    i++;
                    title = $"{title} {units[i].Text}";
                }

                this.Add(StructureKind.RomanPart, title, roman.Groups["n"].Value);
            }
            else if (BulletPattern().Match(text) is { Success: true } bullet)
            {
                this.Add(StructureKind.Bullet, text[bullet.Length..], bullet.Groups["m"].Value == "+" ? "+" : "-");
            }
            else if (this.blocks.Count > 0 && char.IsLower(text[0]) && this.blocks[^1].Kind is StructureKind.Paragraph or StructureKind.Bullet
                or StructureKind.Clause or StructureKind.Point && !SentenceSplitter.EndsWithStop(this.blocks[^1].Text))
            {
                // The rest of a paragraph cut by a page break.
                this.blocks[^1] = this.blocks[^1] with { Text = $"{this.blocks[^1].Text} {text}" };
            }
            else
            {
                this.Add(StructureKind.Paragraph, text);
            }

            return i;
        }

        private void Add(StructureKind kind, string text, string? marker = null) =>
            this.blocks.Add(new StructuredBlock(kind, text.Trim(), marker));

        private (string Title, int Used) TitleFromNext(int i, bool capsOnly)
        {
            if (i + 1 >= units.Count)
            {
                return (string.Empty, i);
            }

            var next = units[i + 1].Text;
            var fits = !StartsUnit(next) && next.Length <= 200 && !SentenceSplitter.EndsWithStop(next) && (!capsOnly || OfficialCase.IsCaps(next));
            return fits ? (next, i + 1) : (string.Empty, i);
        }

        private bool IsCapsTitle(int i) => OfficialCase.IsCaps(units[i].Text) && units[i].Text.Length <= 200 && !StartsUnit(units[i].Text);

        /// <summary>
        /// Where a signature without a T/M line begins: a name at the very end, with a position in capitals
        /// or "(Đã ký)" above it. <see cref="int.MaxValue"/> when the text does not end that way.
        /// </summary>
        private int SignatureTailStart()
        {
            var last = units.Count - 1;
            if (last < 1 || !IsName(units[last].Lines[^1]))
            {
                return int.MaxValue;
            }

            var start = last;
            var signed = false;
            for (var j = last - (units[last].Lines.Count == 1 ? 1 : 0); j >= 0 && j >= last - 6; j--)
            {
                var text = units[j].Text;
                var isPosition = OfficialCase.IsCaps(text) && text.Length <= 80 && !RomanPattern().IsMatch(text) && !IsHeadingLine(text);
                if (SignedPattern().IsMatch(text) || isPosition || BodyBlockReader.SignatureLine().IsMatch(text))
                {
                    signed = true;
                    start = j;
                    continue;
                }

                break;
            }

            return signed ? start : int.MaxValue;
        }
    }

    private static string PartMarker(string number)
    {
        var trimmed = Spaces().Replace(number, " ").Trim();
        return OfficialCase.IsRoman(trimmed.ToUpperInvariant()) ? trimmed.ToUpperInvariant() : trimmed.ToLowerInvariant();
    }

    private static bool IsName(string line)
    {
        if (line.Length > 40 || !NamePattern().IsMatch(line))
        {
            return false;
        }

        var folded = VietnameseText.Fold(line);
        return !Positions.Any(p => folded.Contains(p, StringComparison.Ordinal));
    }

    private sealed record Heading(string Number, string Title);

    /// <summary>"Điều 5. Trách nhiệm …", "Điều 5:", "Điều 5 ." or "Điều 5" alone; not "Điều 5 của Quy định này …".</summary>
    private static Heading? ArticleHeading(string text)
    {
        if (ArticlePattern().Match(text) is not { Success: true } match)
        {
            return null;
        }

        var title = match.Groups["title"].Value.Trim();
        if (match.Groups["p"].Success || title.Length == 0)
        {
            return new Heading(match.Groups["n"].Value, title);
        }

        // No punctuation after the number: a heading only when short and starting like a title.
        return char.IsUpper(title[0]) && text.Length <= 120 && !SentenceSplitter.EndsWithStop(title) && !title.EndsWith(',')
            ? new Heading(match.Groups["n"].Value, title)
            : null;
    }

    /// <summary>"Chương I QUY ĐỊNH CHUNG", "Mục 2. …", "Phần thứ nhất": the title must look like one.</summary>
    private static Heading? HeadingMatch(Regex pattern, string text)
    {
        if (pattern.Match(text) is not { Success: true } match)
        {
            return null;
        }

        var title = match.Groups["title"].Value.Trim();
        var punctuated = match.Groups["p"].Success;
        return title.Length == 0 || (char.IsUpper(title[0]) && (punctuated || OfficialCase.IsCaps(title) || text.Length <= 120))
            ? new Heading(match.Groups["n"].Value, title)
            : null;
    }

    private static bool IsSeparator(string text) => SeparatorPattern().IsMatch(text);

    [GeneratedRegex(@"[ \t\u00A0\u2000-\u200A\u202F\u3000]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^#{1,6}\s+")]
    private static partial Regex MarkdownHeading();


    [GeneratedRegex(@"^[\s\-–—_*=.•~·]+$")]
    private static partial Regex SeparatorPattern();

    [GeneratedRegex(@"dang\s+cong\s+san\s+viet\s+nam")]
    private static partial Regex PartyName();

    [GeneratedRegex(@"cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia\s+viet\s+nam")]
    private static partial Regex StateName();

    [GeneratedRegex(@"doc\s+lap\s*[-–—,]\s*tu\s+do\s*[-–—,]\s*hanh\s+phuc")]
    private static partial Regex Motto();

    [GeneratedRegex(@"(?:^|(?<=\p{Lu}\S*\s+))Số\s*:?\s*(?<n>\d+(?:\s*[-–/]\s*[\p{L}\d.]+)+)")]
    private static partial Regex NumberPattern();

    /// <summary>A line after the type line that may still be a header fact: "Số …", "Hà Nội, ngày …", "ngày …".</summary>
    [GeneratedRegex(@"^(?:Số\b|ngày\s|\p{Lu}[^,]{0,40},\s*ngày\s)", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderFactLine();

    /// <summary>A line that stops inside a long date: "…, ngày 15 tháng 3 năm", "…, ngày 15 tháng".</summary>
    [GeneratedRegex(@"\bngày(?:\s+\d{1,2}(?:\s+tháng(?:\s+\d{1,2}(?:\s+năm)?)?)?)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex UnfinishedDate();

    /// <summary>What a wrapped date goes on with: "2026", "năm 2026", "tháng 3 năm 2026", "15 tháng 3 …".</summary>
    [GeneratedRegex(@"^(?:\d{1,4}\b|(?:tháng|năm)\s+\d)", RegexOptions.IgnoreCase)]
    private static partial Regex DateContinuation();

    [GeneratedRegex(@"ngày\s+(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex LongDate();

    [GeneratedRegex(@"ngày\s+(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})\s*[/.-]\s*(?<y>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex ShortDate();

    [GeneratedRegex(@"^(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong)\s+(?!uy\b|doan\b)\S")]
    private static partial Regex PlaceLine();

    [GeneratedRegex(@"^(?:tinh|thanh|huyen|quan|thi|dang)\s+uy$")]
    private static partial Regex BareCommittee();

    [GeneratedRegex(@"^của\s+(?<issuer>.+?)(?=\s+về\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex OfTitle();

    [GeneratedRegex(@"^(?:-\s*)?(?:Căn cứ|Thực hiện|Trên cơ sở|Xét đề nghị|Theo đề nghị)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BodyOpener();

    [GeneratedRegex(@"^Phần\s+(?<n>thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười(?:\s+(?:một|hai|ba|bốn|lăm))?)|[IVXLC]+|\d{1,2})(?=$|[\s.:\-–])\s*(?<p>[.:\-–])?\s*(?<title>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex PartPattern();

    [GeneratedRegex(@"^Chương\s+(?<n>[IVXLC]+|\d{1,2})(?=$|[\s.:\-–])\s*(?<p>[.:\-–])?\s*(?<title>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ChapterPattern();

    [GeneratedRegex(@"^Mục\s+(?<n>[IVXLC]+|\d{1,2})(?=$|[\s.:\-–])\s*(?<p>[.:\-–])?\s*(?<title>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"^Điều\s+(?<n>\d{1,3}[a-z]?)(?=$|[\s.:\-–])\s*(?<p>[.:]|[-–](?=\s))?\s*(?<title>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ArticlePattern();

    [GeneratedRegex(@"^(?<n>\d{1,3})[.)](?!\d)\s*(?<text>\S.*)$")]
    private static partial Regex ClausePattern();

    [GeneratedRegex(@"^(?<n>[abcdđeghiklmnopqrstuvxy])\)\s*(?<text>\S.*)$")]
    private static partial Regex PointPattern();

    [GeneratedRegex(@"^(?<n>[IVXL]{1,6})\s*[-–.]\s*(?<text>\S.*)$")]
    private static partial Regex RomanPattern();

    [GeneratedRegex(@"^(?<m>[-–—+•·∙◦*])\s*(?=\S)(?![-–—])")]
    private static partial Regex BulletPattern();

    [GeneratedRegex(@"^Nơi\s+nhận\s*:?\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex RecipientsPattern();


    [GeneratedRegex(@"^(?:T/M|TM\.?|T/L|TL\.?)\s*(?<body>\p{Lu}.{1,60})$")]
    private static partial Regex OnBehalfOf();

    [GeneratedRegex(@"^\((?:đã ký|ký|ký tên|ký, ghi rõ|đã ký và đóng dấu)[^)]*\)$", RegexOptions.IgnoreCase)]
    private static partial Regex SignedPattern();

    [GeneratedRegex(@"^\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){1,5}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"[.:](?:\s+)(?=\p{Lu})")]
    private static partial Regex SentenceBreak();
}
