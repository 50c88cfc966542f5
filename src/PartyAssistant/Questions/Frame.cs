namespace PartyAssistant.Questions;

/// <summary>
/// What kind of answer a question's wording asks for, read from <c>Text/Words/question-frames.tsv</c>.
/// A question may have several ("ai nhận xét, bao lâu một lần": actor and frequency).
/// </summary>
[Flags]
public enum Frame
{
    None = 0,
    Procedure = 1 << 0,
    Manner = 1 << 1,
    Duties = 1 << 2,
    Actor = 1 << 3,
    Time = 1 << 4,
    Duration = 1 << 5,
    Frequency = 1 << 6,
    Quantity = 1 << 7,
    Percent = 1 << 8,
    Form = 1 << 9,
    Permission = 1 << 10,
    Obligation = 1 << 11,
    YesNo = 1 << 12,
    Definition = 1 << 13,
    List = 1 << 14,
    Subject = 1 << 15,
    Status = 1 << 16,
    Reason = 1 << 17,
    Place = 1 << 18,
    Which = 1 << 19,

    /// <summary>"Khi nào sơ kết": when a task is due, answered with the schedule the text sets.</summary>
    Schedule = 1 << 20,

    /// <summary>"Ai chủ trì", "do ai", "cơ quan nào": who acts — a body the question does not already name.</summary>
    Agent = 1 << 21,

    /// <summary>"Hiện nay ra sao", "diễn biến thế nào": how things stand, answered by what the documents report.</summary>
    State = 1 << 22,

    /// <summary>"Được gửi tới cơ quan nào": to whom the document goes, answered by its "Nơi nhận".</summary>
    Recipients = 1 << 23,

    /// <summary>"Số hiệu là gì": a document's number, answered by a sentence that gives one in full ("03-NQ/TU").</summary>
    Number = 1 << 24,
}

/// <summary>The parts of a procedural question that each need their own answer: who acts, how often, with which form.</summary>
[Flags]
public enum Ask
{
    None = 0,
    Actor = 1,
    Frequency = 2,
    Form = 4,
}

/// <summary>What kind of fact a question asks for, when its wording says so (the search's view of the frame).</summary>
public enum ExpectedAnswer
{
    Any,

    /// <summary>"khi nào", "ngày nào", "bao giờ": a date or a year.</summary>
    Time,

    /// <summary>"bao nhiêu", "mấy", "tỷ lệ", "bao lâu": a number.</summary>
    Quantity,

    /// <summary>"X là gì?", "khái niệm X", "định nghĩa của X": a sentence that says "X là …".</summary>
    Definition,

    /// <summary>"còn hiệu lực không?", "đã bị thay thế chưa?": what says whether a document is in force.</summary>
    Status,

    /// <summary>"ai ký?", "cơ quan nào chủ trì?": a named person or body.</summary>
    Actor,
}
