using PartyAssistant.Text;

namespace PartyAssistant.Corpus;

/// <summary>What a passage is in its document: the text proper, or a part that never answers a question.</summary>
public enum PassageRole
{
    Body,

    /// <summary>The document's title block ("KẾT LUẬN CỦA BAN CHẤP HÀNH …"): it names the document, it says nothing about a rule.</summary>
    Title,

    /// <summary>A numbered item's own line, which its bullets follow ("5. Tăng cường công tác kiểm tra …"): the heading of what comes next.</summary>
    Heading,

    /// <summary>A summary's opening note that it is a summary: our words about the document, not its content.</summary>
    Note,

    /// <summary>"Nơi nhận": who receives the document.</summary>
    Recipients,

    /// <summary>The signature block: who signed.</summary>
    Signature,
}

/// <summary>Tells a passage's role from where it sits and what it says.</summary>
public static class PassageRoles
{
    public static PassageRole Of(CorpusDocument document, Passage passage)
    {
        var local = passage.Id[(passage.Id.IndexOf('/', StringComparison.Ordinal) + 1)..];
        if (local == "noi-nhan")
        {
            return PassageRole.Recipients;
        }

        if (local == "ky")
        {
            return PassageRole.Signature;
        }

        if (!local.StartsWith("mo-dau", StringComparison.Ordinal))
        {
            var ownHeading = passage.Heading.Split(" › ")[^1];
            return VietnameseText.MatchKey(passage.Text) == VietnameseText.MatchKey(ownHeading) ? PassageRole.Heading : PassageRole.Body;
        }

        if (document.Metadata.IsSummary)
        {
            return PassageRole.Note;
        }

        // Most of its words are the document's type, issuer and title: the title block, however it is broken into lines.
        var title = VietnameseText.MatchKey($"{document.Metadata.Type} {document.Metadata.Issuer} {document.Metadata.Title}").Split(' ').ToHashSet(StringComparer.Ordinal);
        var words = VietnameseText.MatchKey(passage.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words.Count(title.Contains) >= 0.8 * words.Length ? PassageRole.Title : PassageRole.Body;
    }

    /// <summary>Whether a passage of this role may be quoted as an answer: the text always, who signed for "ai", who receives for "gửi tới đâu".</summary>
    public static bool MayAnswer(PassageRole role, bool asksWho, bool asksRecipients) => role switch
    {
        PassageRole.Body => true,
        PassageRole.Signature => asksWho,
        PassageRole.Recipients => asksRecipients,
        _ => false,
    };
}
