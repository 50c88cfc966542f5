using System.Text.RegularExpressions;
using PartyAssistant.Corpus;
using PartyAssistant.Facts;
using PartyAssistant.Text;

namespace PartyAssistant.Obligations;

/// <summary>
/// Reads the duties of every role out of the in-force passages. A sentence is a role's duty when
/// the role is its subject and it directs (a modal — phải, cần, có trách nhiệm, chủ trì — or
/// "Giao …", a subject-led sentence under a heading about tasks, or a role followed by an action
/// in a regulation's article: "Bí thư chi bộ chuẩn bị …"); or when it is a subjectless
/// directive ("Thực hiện …", "Tham mưu …") and the passage's first sentence, or a heading
/// "Nhiệm vụ của …", names who acts. Replaced documents and summaries superseded by their
/// official text are left out.
/// </summary>
public static partial class ObligationFinder
{
    // A document about a narrower role means that role when its text says only the broader one:
    // "đảng viên phải …" in Quy định 213 is said of the đảng viên đang công tác, not of every member.
    private static readonly Dictionary<string, string> Broader = new(StringComparer.Ordinal)
    {
        ["dang-vien-dang-cong-tac"] = "dang-vien",
    };

    public static IReadOnlyList<RoleObligations> FindAll(CorpusLoadResult corpus)
    {
        var found = RoleLexicon.Roles.ToDictionary(r => r.Id, _ => new List<Obligation>(), StringComparer.Ordinal);
        var documents = corpus.Documents
            .Where(d => corpus.Catalog[d.Id].Standing == DocumentStanding.InForce)
            .OrderBy(d => d.Metadata.IsSummary); // the official text first; OrderBy is stable, so corpus order otherwise
        foreach (var document in documents)
        {
            var scope = LeadInRole(document.Metadata.Title);
            foreach (var passage in document.Passages.OrderBy(p => p.Order))
            {
                foreach (var obligation in Read(document, passage, scope))
                {
                    var list = found[obligation.Role.Id];
                    var key = VietnameseText.MatchKey(obligation.Text);
                    if (!list.Any(o => VietnameseText.MatchKey(o.Text) == key))
                    {
                        list.Add(obligation);
                    }
                }
            }
        }

        return RoleLexicon.Roles
            .Select(role => new RoleObligations(role, found[role.Id], Conditional(role, found))
            {
                Inherited = Inherited(role, found),
            })
            .ToList();
    }

    /// <summary>
    /// The roles a person in <paramref name="role"/> may also be in — those within it, and those within the roles it belongs
    /// to (a bí thư chi bộ is a đảng viên, and may be one on duty under Quy định 213) — with their own duties.
    /// </summary>
    private static List<ConditionalDuties> Conditional(Role role, Dictionary<string, List<Obligation>> found)
    {
        var holds = RoleMemberships.BelongsTo(role).Append(role).ToList();
        return RoleMemberships.Within(role)
            .Concat(holds.SelectMany(RoleMemberships.Within))
            .Distinct()
            .Where(r => !holds.Contains(r) && found[r.Id].Count > 0)
            .Select(r => new ConditionalDuties(r, found[r.Id]))
            .ToList();
    }

    /// <summary>The duties of the roles <paramref name="role"/> belongs to, nearest role first, without a sentence already on the list.</summary>
    private static List<Obligation> Inherited(Role role, Dictionary<string, List<Obligation>> found)
    {
        var seen = found[role.Id].Select(o => (o.PassageId, o.Quote)).ToHashSet();
        return RoleMemberships.BelongsTo(role)
            .SelectMany(r => found[r.Id])
            .Where(o => seen.Add((o.PassageId, o.Quote)))
            .ToList();
    }

    private static IEnumerable<Obligation> Read(CorpusDocument document, Passage passage, Role? scope)
    {
        var headingRoles = passage.Heading.Split(" › ").Reverse().Select(LeadInRole).FirstOrDefault(r => r is not null) is { } lead ? [lead] : Array.Empty<Role>();
        var directive = DirectiveHeading().IsMatch(VietnameseText.Fold(passage.Heading));
        var article = InArticle(document, passage);
        IReadOnlyList<Role>? carried = null;
        var sentences = SentenceSplitter.Split(passage.Text);
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = ObligationSentence.Read(sentences[i], directive, article);
            if (i == 0 && sentence.HasSubject && sentence.Obligatory)
            {
                carried = sentence.Subjects;
            }

            IReadOnlyList<Role> roles = sentence.HasSubject
                ? (sentence.Obligatory ? sentence.Subjects : [])
                : sentence.Imperative ? (i > 0 ? carried : null) ?? headingRoles : [];
            if (roles.Count == 0)
            {
                continue;
            }

            // The sentence's deadlines are the same for every role it names: read once.
            var schedule = Deadlines.In(sentence.Quote);
            var when = schedule.Count == 0 ? null : string.Join("; ", schedule);
            foreach (var role in roles.Select(r => Narrowed(r, scope)).Distinct())
            {
                yield return new Obligation(role, sentence.Text, sentence.Quote, passage.Id, passage.Label, document.Id, document.Metadata.IsSummary, when);
            }
        }
    }

    /// <summary>Whether the passage is in an article or clause of a regulation ("Điều 1. Phạm vi áp dụng"): where rules are stated as plain acts.</summary>
    private static bool InArticle(CorpusDocument document, Passage passage) =>
        document.Sections.FirstOrDefault(s => s.Path == passage.SectionPath) is { } section
        && section.LabelPart.StartsWith("Điều ", StringComparison.Ordinal);

    private static Role Narrowed(Role role, Role? scope) =>
        scope is not null && Broader.TryGetValue(scope.Id, out var broader) && broader == role.Id ? scope : role;

    /// <summary>The role a heading or title gives tasks to: "Nhiệm vụ của đảng viên ở nơi cư trú", "… trách nhiệm của đảng viên đang công tác …", "Chi uỷ có nhiệm vụ:".</summary>
    private static Role? LeadInRole(string heading)
    {
        var normalized = VietnameseText.Normalize(heading);
        var mentions = RoleLexicon.Find(normalized);
        foreach (Match of in TasksOf().Matches(normalized))
        {
            var start = of.Index + of.Length;
            if (mentions.FirstOrDefault(m => m.Start == start) is { } named)
            {
                return named.Role;
            }
        }

        return mentions.FirstOrDefault(m => m.Start == 0 && HasTasks().IsMatch(normalized[m.Length..]))?.Role;
    }

    [GeneratedRegex(@"(nhiệm vụ|trách nhiệm)\s+của\s+(các\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex TasksOf();

    [GeneratedRegex(@"^\s+có\s+(trách nhiệm|nhiệm vụ)", RegexOptions.IgnoreCase)]
    private static partial Regex HasTasks();

    [GeneratedRegex(@"nhiem vu|trach nhiem|giai phap|to chuc thuc hien")]
    private static partial Regex DirectiveHeading();
}
