using System.Text;
using PartyAssistant.Corpus;
using PartyAssistant.Quizzes;
using PartyAssistant.Search;
using PartyAssistant.Text;

namespace PartyAssistant.Channels;

/// <summary>
/// /quiz in the bots: five questions with choices, one at a time; after each answer the result
/// and the cited sentence, at the end the score. Buttons where the platform has them; otherwise
/// the user replies "A"–"D" or "đúng"/"sai".
/// </summary>
public sealed class ChatQuiz(CorpusIndex index, QuizGenerator generator, QuizSessionStore sessions)
{
    public const int QuestionCount = 5;

    public const string Stale = "Câu hỏi này đã được trả lời hoặc bài đã kết thúc.";

    public async Task StartAsync(IncomingMessage message, IReplySender sender, CancellationToken cancellationToken)
    {
        var corpus = await index.CurrentCorpusAsync(cancellationToken).ConfigureAwait(false);
        var documentId = message.Argument.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToLowerInvariant() ?? DefaultFor(corpus);
        if (documentId is null)
        {
            await sender.SendTextAsync(message, "Chưa có văn bản nào để ra câu hỏi.", cancellationToken).ConfigureAwait(false);
            return;
        }

        Quiz quiz;
        try
        {
            quiz = generator.Generate(corpus, new QuizRequest(documentId, Count: QuestionCount, Types: QuizItemTypes.WithChoices));
        }
        catch (QuizRequestException e)
        {
            await sender.SendTextAsync(message, e.Message, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (quiz.Items.Count == 0)
        {
            await sender.SendTextAsync(message, $"Văn bản {quiz.DocumentName} không có câu nào đủ để ra câu hỏi trắc nghiệm.", cancellationToken).ConfigureAwait(false);
            return;
        }

        var session = await sessions.StartAsync(message.Conversation.Channel, message.Conversation.Chat, quiz.DocumentId, quiz.Items, cancellationToken).ConfigureAwait(false);
        var intro = new StringBuilder($"Bài ôn tập {quiz.Items.Count} câu về {quiz.DocumentName}.");
        foreach (var notice in quiz.Notices)
        {
            intro.Append('\n').Append("Lưu ý: ").Append(notice);
        }

        await sender.SendTextAsync(message, intro.ToString(), cancellationToken).ConfigureAwait(false);
        await this.AskAsync(message, sender, session, 0, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A typed answer ("B", "đúng") to the chat's waiting question; false when the text is not
    /// one or no question waits, so it is taken as an ordinary question.
    /// </summary>
    public async Task<bool> TryAnswerTextAsync(IncomingMessage message, IReplySender sender, CancellationToken cancellationToken)
    {
        var reply = ReadReply(message.Argument);
        if (reply is null)
        {
            return false;
        }

        var session = await sessions.GetAsync(message.Conversation.Channel, message.Conversation.Chat, cancellationToken).ConfigureAwait(false);
        if (session?.Current is not { } item)
        {
            return false;
        }

        var choice = item.Type == QuizItemType.TrueFalse
            ? reply switch { "a" or "dung" => 0, "b" or "sai" => 1, _ => -1 }
            : reply.Length == 1 ? reply[0] - 'a' : -1;
        if (choice < 0 || choice >= item.Choices.Count)
        {
            return false;
        }

        await this.AnswerAsync(message, sender, session, session.Position, choice, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>A pressed button; returns the short notice the platform shows on the button.</summary>
    public async Task<string> AnswerButtonAsync(IncomingMessage message, QuizButton button, IReplySender sender, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(message.Conversation.Channel, message.Conversation.Chat, cancellationToken).ConfigureAwait(false);
        if (session is null || session.Id != button.SessionId || button.Index != session.Position || button.Choice >= session.Items[button.Index].Choices.Count)
        {
            return Stale;
        }

        return await this.AnswerAsync(message, sender, session, button.Index, button.Choice, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> AnswerAsync(IncomingMessage message, IReplySender sender, QuizSession session, int position, int choice, CancellationToken cancellationToken)
    {
        var item = session.Items[position];
        var correct = choice == item.AnswerIndex;

        // The store decides: of two presses at once, or a press and a typed letter, only one counts.
        if (!await sessions.RecordAsync(session.Id, position, correct, cancellationToken).ConfigureAwait(false))
        {
            return Stale;
        }

        var verdict = correct ? "Đúng!" : $"Chưa đúng — đáp án: {Answer(item)}";
        await sender.SendTextAsync(message, $"{verdict}\n{item.Label} ({item.PassageId}):\n“{item.Quote}”", cancellationToken).ConfigureAwait(false);
        if (position + 1 < session.Items.Count)
        {
            await this.AskAsync(message, sender, session, position + 1, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var score = session.Score + (correct ? 1 : 0);
            var document = await this.DocumentNameAsync(session.DocumentId, cancellationToken).ConfigureAwait(false);
            await sender.SendTextAsync(message, $"Kết quả: {score}/{session.Items.Count} — {document}. Gõ /quiz để làm bài mới, hoặc /quiz mã-văn-bản (xem /vanban) để ôn văn bản khác.", cancellationToken).ConfigureAwait(false);
        }

        return correct ? "Đúng!" : "Chưa đúng";
    }

    private Task AskAsync(IncomingMessage message, IReplySender sender, QuizSession session, int position, CancellationToken cancellationToken)
    {
        var item = session.Items[position];
        var text = new StringBuilder($"Câu {position + 1}/{session.Items.Count}. {QuizText.QuestionLine(item)}");
        var trueFalse = item.Type == QuizItemType.TrueFalse;
        if (!trueFalse)
        {
            text.Append('\n');
            for (var c = 0; c < item.Choices.Count; c++)
            {
                text.Append('\n').Append(QuizItem.Letter(c)).Append(". ").Append(item.Choices[c]);
            }
        }

        if (!sender.Capabilities.Buttons)
        {
            text.Append("\n\n").Append(trueFalse ? "Trả lời Đúng hoặc Sai." : "Trả lời A, B, C hoặc D.");
        }

        var choices = item.Choices
            .Select((choice, c) => new ReplyChoice(trueFalse ? choice : QuizItem.Letter(c), new QuizButton(session.Id, position, c).Format()))
            .ToList();
        return sender.SendChoicesAsync(message, text.ToString(), choices, cancellationToken);
    }

    private static string Answer(QuizItem item) => item.Type == QuizItemType.TrueFalse
        ? $"{item.Answer}. {item.Explanation}"
        : $"{item.AnswerLetter}. {item.Answer}";

    // "B", "b.", "Đúng", "dung!", "sai" — folded, without punctuation.
    private static string? ReadReply(string text)
    {
        var key = VietnameseText.MatchKey(text);
        return key is "a" or "b" or "c" or "d" or "dung" or "sai" ? key : null;
    }

    /// <summary>"/quiz" without a document: the first official text in force (the seed, in the shipped corpus); else the first text in force.</summary>
    internal static string? DefaultFor(CorpusLoadResult corpus)
    {
        var usable = corpus.Catalog.Entries.Where(e => e.Standing == DocumentStanding.InForce).ToList();
        return usable.FirstOrDefault(e => !e.Document.Metadata.IsSummary)?.Id
            ?? usable.FirstOrDefault()?.Id;
    }

    /// <summary>"Kết luận Tỉnh uỷ … (mã kl-tu-nq03)": the quizzed document as the score names it; only its id when it has left the corpus.</summary>
    private async Task<string> DocumentNameAsync(string documentId, CancellationToken cancellationToken)
    {
        var corpus = await index.CurrentCorpusAsync(cancellationToken).ConfigureAwait(false);
        return corpus.FindDocument(documentId) is { } document ? $"{document.Metadata.CitationName} (mã {documentId})" : $"mã {documentId}";
    }
}
