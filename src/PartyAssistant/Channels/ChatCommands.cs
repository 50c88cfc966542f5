namespace PartyAssistant.Channels;

/// <summary>The commands every bot understands, with their Vietnamese descriptions (for setMyCommands and /help).</summary>
public static class ChatCommands
{
    public static readonly IReadOnlyList<(string Command, string Description)> All =
    [
        ("start", "Giới thiệu và câu hỏi mẫu"),
        ("help", "Cách dùng trợ lý"),
        ("hoi", "Đặt câu hỏi: /hoi câu hỏi"),
        ("vanban", "Các văn bản đã nạp và tình trạng hiệu lực"),
        ("xem", "Xem nguyên văn một đoạn: /xem mã-đoạn"),
        ("nghiavu", "Nghĩa vụ theo vai trò: /nghiavu bí thư chi bộ"),
        ("quiz", "Ôn tập 5 câu hỏi có đáp án: /quiz hoặc /quiz mã-văn-bản"),
        ("moi", "Bắt đầu cuộc trò chuyện mới"),
    ];

    public static readonly IReadOnlyList<string> ExampleQuestions =
    [
        "Chi bộ ấp có đông đảng viên thì tổ chức sinh hoạt thế nào?",
        "Đảng viên đang công tác phải làm gì ở nơi cư trú?",
        "Khi nào sơ kết và tổng kết việc thực hiện Kết luận?",
    ];

    public static string Welcome =>
        "Xin chào! Tôi là trợ lý tra cứu văn bản của Đảng. Tôi trả lời bằng chính các văn bản đã nạp, "
        + "có trích dẫn để đồng chí kiểm tra; khi văn bản không đề cập, tôi sẽ nói rõ.\n\n"
        + "Câu hỏi mẫu:\n" + string.Join('\n', ExampleQuestions.Select(q => "• " + q)) + "\n\n" + Help;

    public static string Help =>
        "Gõ câu hỏi (có dấu hoặc không dấu) để được trả lời. Trong nhóm: /hoi câu hỏi, nhắc tên tôi, hoặc trả lời tin nhắn của tôi.\n"
        + string.Join('\n', All.Select(c => $"/{c.Command} — {c.Description}"));

    public const string RateLimited = "Đồng chí hỏi hơi nhanh; xin vui lòng đợi một chút rồi hỏi tiếp.";

    public const string Forgotten = "Đã bắt đầu cuộc trò chuyện mới. Câu hỏi tiếp theo sẽ không dựa vào các câu trước.";

    public const string Failed = "Xin lỗi, đã có lỗi khi xử lý câu hỏi. Xin đồng chí thử lại sau ít phút.";
}
