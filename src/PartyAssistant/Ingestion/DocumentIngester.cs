using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using PartyAssistant.Corpus;
using PartyAssistant.Search;
using PartyAssistant.Text;

namespace PartyAssistant.Ingestion;

/// <summary>
/// Brings official texts into the corpus in two steps: <see cref="PrepareAsync"/> reads, recognises
/// and renders a file without touching anything (so the user can confirm what was detected), and
/// <see cref="CommitAsync"/> writes the files and rebuilds the index, undoing the writes if the
/// index cannot be built.
/// </summary>
public sealed partial class DocumentIngester(DocumentTextExtractors extractors, CorpusIndex index, IngestionOptions options, ILogger<DocumentIngester> logger)
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public string CorpusDirectory => index.CorpusDirectory;

    /// <summary>
    /// Reads, recognises and renders one file within Ingestion:TimeBudgetSeconds; nothing is written.
    /// </summary>
    /// <exception cref="IngestException">The file cannot be ingested (unreadable, past a limit, out of time, an id taken…).</exception>
    public async Task<IngestPlan> PrepareAsync(IngestRequest request, IReadOnlyList<CorpusDocument> existing, IReadOnlyCollection<string> idsInBatch, CancellationToken cancellationToken) =>
        this.Plan(await this.ReadAsync(request, cancellationToken).ConfigureAwait(false), existing, idsInBatch);

    /// <summary>
    /// Reads and recognises one file within Ingestion:TimeBudgetSeconds, without the corpus: a caller can read the corpus
    /// meanwhile (seconds on a national corpus) and then <see cref="Plan"/>.
    /// </summary>
    /// <exception cref="IngestException">The file cannot be read (unreadable, past a limit, out of time).</exception>
    public Task<IngestReading> ReadAsync(IngestRequest request, CancellationToken cancellationToken) =>
        TimeBudget.RunAsync(request.File, options.TimeBudgetSeconds, async token =>
        {
            var extracted = await extractors.ExtractAsync(request.File, token).ConfigureAwait(false);
            return new IngestReading(request, extracted, OfficialTextRecognizer.Recognize(extracted.Paragraphs, token, fromScan: extracted.FromScan));
        }, cancellationToken);

    /// <summary>What a read file becomes in this corpus: its metadata, id and relations to <paramref name="existing"/>; nothing is written.</summary>
    /// <exception cref="IngestException">The file cannot be ingested as it is (no body, no title, an id taken…).</exception>
    public IngestPlan Plan(IngestReading reading, IReadOnlyList<CorpusDocument> existing, IReadOnlyCollection<string> idsInBatch)
    {
        var (request, extracted, recognized) = reading;
        var detected = recognized.Metadata;
        if (recognized.Body.Count == 0)
        {
            throw new IngestException(request.File, "không tìm thấy nội dung văn bản sau phần đầu (tiêu đề, số hiệu).");
        }

        var values = new List<MetadataValue>();
        string? Pick(string name, string? given, string? found)
        {
            var value = string.IsNullOrWhiteSpace(given) ? found : VietnameseText.Normalize(given.Trim());
            values.Add(new MetadataValue(name, value, !string.IsNullOrWhiteSpace(given) ? ValueSource.Given : value is null ? ValueSource.Missing : ValueSource.Detected));
            return value;
        }

        var type = NormalizeType(request.File, Pick("Loại", request.Type, detected.Type));
        var number = Pick("Số hiệu", request.Number, detected.Number);
        var date = request.Date ?? detected.Date;
        values.Add(new MetadataValue("Ngày", date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), request.Date is not null ? ValueSource.Given : date is null ? ValueSource.Missing : ValueSource.Detected));
        var issuer = Pick("Cơ quan ban hành", request.Issuer, detected.Issuer);
        var title = Pick("Trích yếu", request.Title, detected.Title)
            ?? throw new IngestException(request.File, "không nhận ra trích yếu (tên) của văn bản; hãy ghi rõ bằng --title \"…\".");
        var signer = Pick("Người ký", request.Signer, detected.Signer);

        var notes = new List<string>(extracted.Warnings);
        notes.AddRange(ScanNotes(extracted));
        var summaryOf = ResolveSummaryOf(request, number, date, existing, notes);
        var replaces = ResolveReplaces(request, existing, notes);
        var id = this.ChooseId(request, type, number, summaryOf, existing, idsInBatch);
        if (replaces.Contains(id))
        {
            throw new IngestException(request.File, "một văn bản không thể tự thay thế chính nó (--replaces).");
        }

        // Re-ingesting a text (a better scan, a corrected file) keeps what the corpus already says
        // about it: dropping "replaces" would bring the replaced document back into the answers.
        var previous = request.Overwrite ? existing.FirstOrDefault(d => d.Id == id) : null;
        if (previous is not null)
        {
            if (request.Replaces is null && previous.Metadata.Replaces.Count > 0)
            {
                replaces = previous.Metadata.Replaces;
                notes.Add($"Giữ quan hệ của bản đang có: thay thế {string.Join(", ", replaces)}.");
            }

            if (request.SummaryOf is null && summaryOf is null && previous.Metadata.SummaryOf is { } keptSummary)
            {
                summaryOf = keptSummary;
                notes.Add($"Giữ quan hệ của bản đang có: toàn văn của bản tóm tắt {keptSummary}.");
            }
        }

        values.Add(new MetadataValue("Thay thế", replaces.Count == 0 ? null : string.Join(", ", replaces), request.Replaces is not null ? ValueSource.Given : replaces.Count == 0 ? ValueSource.Missing : ValueSource.Detected));
        values.Add(new MetadataValue("Toàn văn của bản tóm tắt", summaryOf, request.SummaryOf is not null ? ValueSource.Given : summaryOf is null ? ValueSource.Missing : ValueSource.Detected));
        values.Insert(0, new MetadataValue("Mã", id, request.Id is null ? ValueSource.Detected : ValueSource.Given));

        var references = CorpusMarkdownWriter.ReferencedNumbers(recognized.Body, number);

        var metadata = new DocumentMetadata
        {
            Id = id,
            Type = type,
            Number = number,
            Date = date,
            Issuer = issuer,
            Signer = signer,
            Title = title,
            ShortTitle = request.ShortTitle is { Length: > 0 } shortTitle ? VietnameseText.Normalize(shortTitle.Trim())
                : previous?.Metadata.ShortTitle is { } kept && number == previous.Metadata.Number ? kept
                : number is null ? Shorten(title) : $"{type} {number}",
            Kind = DocumentKind.OfficialText,
            Status = new DocumentStatus(DocumentStatus.InForce, null, DateTime.Now.ToString("yyyy-MM", CultureInfo.InvariantCulture), null),
            References = references,
            Replaces = replaces,
            SummaryOf = summaryOf,
            IngestedFrom = Path.GetFileName(request.File),
            Sources = previous?.Metadata.Sources ?? [],
            Ocr = extracted.FromScan,
        };

        var target = Path.Combine(index.CorpusDirectory, id + ".md");
        var markdown = CorpusMarkdownWriter.Write(metadata, recognized.Body);
        CorpusDocument document;
        try
        {
            document = CorpusFileParser.Parse(target, markdown);
        }
        catch (CorpusFormatException e)
        {
            throw new IngestException(request.File, $"văn bản đọc được nhưng không chuyển được sang định dạng corpus ({e.Problem}).", e);
        }

        if (document.Passages.Count == 0)
        {
            throw new IngestException(request.File, "không tách được đoạn nào để trích dẫn.");
        }

        if (number is null)
        {
            notes.Add("Không thấy số hiệu; câu hỏi nêu số văn bản sẽ không tìm thấy văn bản này. Thêm --number nếu có.");
        }

        if (date is null)
        {
            notes.Add("Không thấy ngày ban hành. Thêm --date yyyy-MM-dd nếu có.");
        }

        return new IngestPlan(request, extracted, document, markdown, target, values, notes, File.Exists(target));
    }

    /// <summary>
    /// Takes the corpus for one ingest, waiting up to Ingestion:LockWaitSeconds while another holds it,
    /// then puts back what a killed ingest left (see <see cref="IngestLeftovers"/>). Hold it from
    /// reading the corpus until <see cref="CommitAsync"/> has finished: the ids chosen in between are
    /// only sure to be free while it is held.
    /// </summary>
    /// <param name="notify">Receives notices for the user (waiting, leftovers put back), in Vietnamese.</param>
    /// <exception cref="IngestException">Another ingest held the corpus too long, or leftovers could not be cleaned.</exception>
    public async Task<IngestLock> LockCorpusAsync(Action<string> notify, CancellationToken cancellationToken)
    {
        var held = await IngestLock.AcquireAsync(index.CorpusDirectory, TimeSpan.FromSeconds(options.LockWaitSeconds), notify, cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var notice in IngestLeftovers.Recover(index.CorpusDirectory, held))
            {
                notify(notice);
            }

            return held;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            held.Dispose();
            throw new IngestException(index.CorpusDirectory, $"không dọn được tệp do lượt nạp bị ngắt trước đó để lại: {e.Message}", e);
        }
    }

    /// <summary>
    /// Writes every plan's file (each atomically) and rebuilds the index. If the index cannot be
    /// built, or the work is cancelled, the files are taken back out, so the corpus and the index
    /// never disagree about what was added.
    /// </summary>
    public async Task<IndexManifest> CommitAsync(IReadOnlyList<IngestPlan> plans, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        // Under the corpus lock nobody else writes; this catches a caller that did not take it.
        if (plans.FirstOrDefault(p => !p.OverwritesExisting && File.Exists(p.TargetPath)) is { } overtaken)
        {
            throw new IngestException(overtaken.Request.File,
                $"corpus vừa có tệp {overtaken.Id}.md do một lượt nạp khác ghi; chưa ghi gì vào corpus. Nạp lại, thêm --overwrite nếu muốn thay tệp đó.");
        }

        var written = new List<(string Target, string? Backup)>();
        try
        {
            foreach (var plan in plans)
            {
                var directory = Path.GetDirectoryName(plan.TargetPath)!;
                var temporary = Path.Combine(directory, $".{plan.Id}.{Environment.ProcessId}{IngestLeftovers.TemporarySuffix}");
                await File.WriteAllTextAsync(temporary, plan.Markdown, Utf8NoBom, cancellationToken).ConfigureAwait(false);
                string? backup = null;
                if (File.Exists(plan.TargetPath))
                {
                    backup = Path.Combine(directory, $".{plan.Id}{IngestLeftovers.BackupSuffix}");
                    File.Copy(plan.TargetPath, backup, overwrite: true);
                }

                File.Move(temporary, plan.TargetPath, overwrite: true);
                written.Add((plan.TargetPath, backup));
            }

            var manifest = await index.RebuildAsync(progress, cancellationToken).ConfigureAwait(false);
            foreach (var (_, backup) in written)
            {
                if (backup is not null)
                {
                    File.Delete(backup);
                }
            }

            return manifest;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Nạp văn bản thất bại; gỡ {Count} tệp vừa ghi khỏi corpus.", written.Count);
            Undo(written);
            foreach (var plan in plans)
            {
                File.Delete(Path.Combine(Path.GetDirectoryName(plan.TargetPath)!, $".{plan.Id}.{Environment.ProcessId}{IngestLeftovers.TemporarySuffix}"));
            }

            if (e is OperationCanceledException or IngestException)
            {
                throw;
            }

            throw new IngestException(plans[0].Request.File, $"không dựng được chỉ mục ({e.Message}); chưa thêm gì vào corpus.", e);
        }
    }

    private static void Undo(List<(string Target, string? Backup)> written)
    {
        foreach (var (target, backup) in Enumerable.Reverse(written))
        {
            if (backup is not null)
            {
                File.Move(backup, target, overwrite: true);
            }
            else
            {
                File.Delete(target);
            }
        }
    }

    private static string NormalizeType(string file, string? type)
    {
        if (type is null)
        {
            throw new IngestException(file, $"không nhận ra loại văn bản; hãy ghi rõ bằng --type (một trong: {string.Join(", ", FrontMatterReader.Types)}).");
        }

        var folded = VietnameseText.Fold(type);
        return FrontMatterReader.Types.FirstOrDefault(t => VietnameseText.Fold(t) == folded)
            ?? throw new IngestException(file, $"loại văn bản \"{type}\" chưa được hỗ trợ (dùng: {string.Join(", ", FrontMatterReader.Types)}).");
    }

    /// <summary>The summary the text takes the place of: the one named, or the one with the same number.</summary>
    private static string? ResolveSummaryOf(IngestRequest request, string? number, DateOnly? date, IReadOnlyList<CorpusDocument> existing, List<string> notes)
    {
        CorpusDocument? summary;
        if (request.SummaryOf is { } named)
        {
            summary = existing.FirstOrDefault(d => d.Id == named)
                ?? throw new IngestException(request.File, $"không có văn bản mã \"{named}\" trong corpus (--summary-of).");
            if (!summary.Metadata.IsSummary)
            {
                throw new IngestException(request.File, $"\"{named}\" không phải bản tóm tắt; dùng --replaces nếu văn bản mới thay thế nó.");
            }
        }
        else
        {
            // Party numbering restarts with each term: the same number in another year is another document.
            var key = DocumentReference.ParseNumber(number)?.QueryKey;
            summary = key is null ? null : existing.FirstOrDefault(d => d.Metadata.IsSummary && DocumentReference.ParseNumber(d.Metadata.Number)?.QueryKey == key);
            if (summary is not null && (date is null || summary.Metadata.Date is null || summary.Metadata.Date.Value.Year != date.Value.Year))
            {
                notes.Add($"Bản tóm tắt {summary.Id} cùng số hiệu nhưng {(date is null || summary.Metadata.Date is null ? "không đối chiếu được ngày" : "khác năm ban hành")}; chưa liên kết. Nếu đúng là cùng văn bản, thêm --summary-of {summary.Id}.");
                summary = null;
            }
        }

        if (summary is not null)
        {
            notes.Add($"Thay chỗ bản tóm tắt {summary.Id}: bản tóm tắt vẫn được liệt kê nhưng không còn dùng để trả lời.");
        }

        return summary?.Id;
    }

    private static IReadOnlyList<string> ResolveReplaces(IngestRequest request, IReadOnlyList<CorpusDocument> existing, List<string> notes)
    {
        if (request.Replaces is not { } reference)
        {
            return [];
        }

        var replaced = CorpusCatalog.Find(reference, existing)
            ?? throw new IngestException(request.File, $"không có văn bản \"{reference}\" trong corpus để thay thế (--replaces nhận mã hoặc số hiệu).");
        notes.Add($"Thay thế {replaced.Metadata.CitationName} ({replaced.Id}): văn bản cũ chỉ được dùng khi hỏi đích danh, kèm cảnh báo.");
        return [replaced.Id];
    }

    private string ChooseId(IngestRequest request, string type, string? number, string? summaryOf, IReadOnlyList<CorpusDocument> existing, IReadOnlyCollection<string> idsInBatch)
    {
        bool Taken(string id) => idsInBatch.Contains(id) || existing.Any(d => d.Id == id) || File.Exists(Path.Combine(index.CorpusDirectory, id + ".md"));

        if (request.Id is { } given)
        {
            if (!CorpusIds.IsValid(given))
            {
                throw new IngestException(request.File, $"mã \"{given}\" chỉ được gồm chữ thường a–z, số và dấu gạch ngang.");
            }

            if (given == summaryOf)
            {
                throw new IngestException(request.File, $"mã \"{given}\" là của bản tóm tắt; toàn văn cần mã khác (ví dụ {given}-toan-van).");
            }

            if (Taken(given) && !request.Overwrite)
            {
                throw new IngestException(request.File, $"corpus đã có văn bản mã \"{given}\"; thêm --overwrite để thay tệp đó, hoặc chọn --id khác.");
            }

            return given;
        }

        var sameNumber = DocumentReference.ParseNumber(number)?.QueryKey is { } key
            ? existing.FirstOrDefault(d => !d.Metadata.IsSummary && DocumentReference.ParseNumber(d.Metadata.Number)?.QueryKey == key)
            : null;
        if (sameNumber is not null && !request.Overwrite)
        {
            throw new IngestException(request.File, $"corpus đã có toàn văn số hiệu {number} (mã {sameNumber.Id}); để nạp lại, dùng --id {sameNumber.Id} --overwrite.");
        }

        if (sameNumber is not null)
        {
            return sameNumber.Id;
        }

        var baseId = DocumentReference.ParseNumber(number) is { } parsed
            ? $"{parsed.TypeCode}-{LeadingDigits().Match(number!.Trim()).Value}"
            : CorpusIds.Slug(Path.GetFileNameWithoutExtension(request.File));
        if (baseId.Length == 0)
        {
            baseId = CorpusIds.Slug(type);
        }

        var candidate = summaryOf == baseId || Taken(baseId) ? $"{baseId}-toan-van" : baseId;
        for (var n = 2; Taken(candidate); n++)
        {
            candidate = $"{baseId}-toan-van-{n}";
        }

        return candidate;
    }

    /// <summary>Which pages OCR read, and the lines it was least sure of, for the user to check against the paper.</summary>
    private static IEnumerable<string> ScanNotes(ExtractedText extracted)
    {
        const int Shown = 10;
        if (!extracted.FromScan)
        {
            yield break;
        }

        yield return $"Trang {string.Join(", ", extracted.OcrPages)} là ảnh quét, chữ được nhận dạng (OCR): hãy đối chiếu với bản giấy; câu trả lời trích từ văn bản này ghi \"(văn bản nhận dạng từ bản quét)\".";
        foreach (var line in extracted.UncertainLines.OrderBy(l => l.Confidence).Take(Shown).OrderBy(l => l.Page))
        {
            yield return $"Nhận dạng chưa chắc (trang {line.Page}, độ tin cậy {line.Confidence}%): \"{line.Text}\"";
        }

        if (extracted.UncertainLines.Count > Shown)
        {
            yield return $"… và {extracted.UncertainLines.Count - Shown} dòng nhận dạng chưa chắc khác.";
        }
    }

    /// <summary>Without a number, citations name the document by the start of its title, cut at a word.</summary>
    private static string Shorten(string title)
    {
        const int Limit = 60;
        if (title.Length <= Limit)
        {
            return title;
        }

        var cut = title.LastIndexOf(' ', Limit);
        return title[..(cut > 0 ? cut : Limit)].TrimEnd(',', ' ') + " …";
    }

    // "01-KL/TW" → "01": ids keep the number as printed (kl-01), as the corpus names them.
    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingDigits();
}
