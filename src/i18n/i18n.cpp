#include "i18n/i18n.h"

#include <array>
#include <utility>

namespace voki::i18n {

const std::vector<Language>& languages() {
  static const std::vector<Language> all = {
      {"nb", "Norsk bokmål", "bokmål", "Norwegian Bokmål", false, true},
      {"nn", "Norsk nynorsk", "nynorsk", "Norwegian Nynorsk", false, true},
      {"en", "English", "engelsk", "English", false, true},
      {"ar", "العربية", "arabisk", "Arabic", true, true},
      {"uk", "Українська", "ukrainsk", "Ukrainian", false, true},
      {"so", "Soomaali", "somali", "Somali", false, false},
      {"ti", "ትግርኛ", "tigrinja", "Tigrinya", false, false},
      {"prs", "دری", "dari", "Dari", true, false},
      {"pl", "Polski", "polsk", "Polish", false, true},
      {"tr", "Türkçe", "tyrkisk", "Turkish", false, true},
  };
  return all;
}

const Language* find_language(std::string_view code) {
  for (const auto& l : languages())
    if (l.code == code) return &l;
  return nullptr;
}

bool is_supported(std::string_view code) { return find_language(code) != nullptr; }

namespace {

using Entry = std::pair<std::string_view, std::string_view>;  // language, text
struct Message {
  std::string_view key;
  std::array<Entry, 10> texts;
};

// Kept short and plain: learners read these on a phone.
const Message kMessages[] = {
    {"unknown_code",
     {{{"nb", "Vi finner ingen klasse med den koden. Sjekk koden og prøv igjen."},
       {"nn", "Vi finn ingen klasse med den koden. Sjekk koden og prøv igjen."},
       {"en", "We cannot find a class with that code. Check the code and try again."},
       {"ar", "لا يوجد صف بهذا الرمز. تحقق من الرمز وحاول مرة أخرى."},
       {"uk", "Клас із таким кодом не знайдено. Перевірте код і спробуйте ще раз."},
       {"so", "Ma helin fasal leh koodhkaas. Hubi koodhka oo isku day mar kale."},
       {"ti", "ብዚ ኮድ ዝኾነ ክፍሊ ኣይተረኽበን። ኮድ ኣረጋግጽ እሞ እንደገና ፈትን።"},
       {"prs", "صنفی با این کد پیدا نشد. کد را بررسی کنید و دوباره کوشش کنید."},
       {"pl", "Nie znaleziono klasy z tym kodem. Sprawdź kod i spróbuj ponownie."},
       {"tr", "Bu kodla bir sınıf bulunamadı. Kodu kontrol edip tekrar deneyin."}}}},
    {"unauthenticated",
     {{{"nb", "Du må bli med i en klasse først."},
       {"nn", "Du må bli med i ein klasse først."},
       {"en", "Please join a class first."},
       {"ar", "يجب أن تنضم إلى صف أولاً."},
       {"uk", "Спочатку приєднайтеся до класу."},
       {"so", "Marka hore ku biir fasal."},
       {"ti", "መጀመርታ ናብ ክፍሊ ተጸንበር።"},
       {"prs", "لطفاً اول به یک صنف بپیوندید."},
       {"pl", "Najpierw dołącz do klasy."},
       {"tr", "Lütfen önce bir sınıfa katılın."}}}},
    {"not_found",
     {{{"nb", "Vi fant ikke dette."},
       {"nn", "Vi fann ikkje dette."},
       {"en", "We could not find this."},
       {"ar", "لم نجد هذا."},
       {"uk", "Не знайдено."},
       {"so", "Tan lama helin."},
       {"ti", "እዚ ኣይተረኽበን።"},
       {"prs", "این پیدا نشد."},
       {"pl", "Nie znaleziono."},
       {"tr", "Bulunamadı."}}}},
    {"empty_message",
     {{{"nb", "Skriv noe først."},
       {"nn", "Skriv noko først."},
       {"en", "Write something first."},
       {"ar", "اكتب شيئًا أولاً."},
       {"uk", "Спочатку напишіть щось."},
       {"so", "Marka hore wax qor."},
       {"ti", "መጀመርታ ገለ ጽሓፍ።"},
       {"prs", "اول چیزی بنویسید."},
       {"pl", "Najpierw coś napisz."},
       {"tr", "Önce bir şey yazın."}}}},
    {"too_long",
     {{{"nb", "Teksten er for lang. Del den opp i kortere meldinger."},
       {"nn", "Teksten er for lang. Del han opp i kortare meldingar."},
       {"en", "The text is too long. Split it into shorter messages."},
       {"ar", "النص طويل جدًا. قسّمه إلى رسائل أقصر."},
       {"uk", "Текст задовгий. Розділіть його на коротші повідомлення."},
       {"so", "Qoraalku aad buu u dheer yahay. U kala qaybi farriimo gaagaaban."},
       {"ti", "ጽሑፍ ኣዝዩ ነዊሕ እዩ። ናብ ሓጸርቲ መልእኽትታት ምቅል።"},
       {"prs", "متن خیلی طولانی است. آن را به پیام‌های کوتاه‌تر تقسیم کنید."},
       {"pl", "Tekst jest za długi. Podziel go na krótsze wiadomości."},
       {"tr", "Metin çok uzun. Daha kısa mesajlara bölün."}}}},
    {"bad_request",
     {{{"nb", "Noe var galt med forespørselen."},
       {"nn", "Noko var gale med førespurnaden."},
       {"en", "Something was wrong with the request."},
       {"ar", "حدث خطأ في الطلب."},
       {"uk", "Запит містить помилку."},
       {"so", "Codsiga wax baa ka khaldan."},
       {"ti", "ኣብቲ ሕቶ ጌጋ ኣሎ።"},
       {"prs", "درخواست مشکل داشت."},
       {"pl", "Coś jest nie tak z żądaniem."},
       {"tr", "İstekte bir sorun vardı."}}}},
    {"model_unavailable",
     {{{"nb", "Boten svarer ikke akkurat nå. Meldingen din er lagret. Prøv igjen om litt."},
       {"nn", "Boten svarar ikkje akkurat no. Meldinga di er lagra. Prøv igjen om litt."},
       {"en", "The bot is not answering right now. Your message is saved. Try again in a moment."},
       {"ar", "الروبوت لا يجيب الآن. تم حفظ رسالتك. حاول مرة أخرى بعد قليل."},
       {"uk", "Бот зараз не відповідає. Ваше повідомлення збережено. Спробуйте трохи згодом."},
       {"so", "Bot-ku hadda ma jawaabayo. Farriintaada waa la kaydiyay. Mar kale isku day."},
       {"ti", "ቦት ሕጂ ኣይመልስን ዘሎ። መልእኽትኻ ተዓቂቡ ኣሎ። ድሕሪ ቁሩብ እንደገና ፈትን።"},
       {"prs", "ربات فعلاً پاسخ نمی‌دهد. پیام شما ذخیره شد. کمی بعد دوباره کوشش کنید."},
       {"pl", "Bot teraz nie odpowiada. Twoja wiadomość jest zapisana. Spróbuj za chwilę."},
       {"tr", "Bot şu anda yanıt vermiyor. Mesajınız kaydedildi. Biraz sonra tekrar deneyin."}}}},
    {"no_model",
     {{{"nb", "Denne boten trenger en språkmodell, og ingen er satt opp. Velg en annen bot."},
       {"nn", "Denne boten treng ein språkmodell, og ingen er sett opp. Vel ein annan bot."},
       {"en", "This bot needs a language model and none is set up. Choose another bot."},
       {"ar", "يحتاج هذا الروبوت إلى نموذج لغوي غير متوفر. اختر روبوتًا آخر."},
       {"uk", "Цьому боту потрібна мовна модель, але її не налаштовано. Оберіть іншого бота."},
       {"so", "Bot-kan wuxuu u baahan yahay model luqadeed oo aan la diyaarin. Dooro bot kale."},
       {"ti", "እዚ ቦት ቋንቋዊ ሞዴል የድልዮ፣ ግን የለን። ካልእ ቦት ምረጽ።"},
       {"prs", "این ربات به مدل زبانی نیاز دارد که تنظیم نشده است. ربات دیگری انتخاب کنید."},
       {"pl", "Ten bot potrzebuje modelu językowego, który nie jest skonfigurowany. Wybierz innego bota."},
       {"tr", "Bu bot bir dil modeline ihtiyaç duyuyor, ancak kurulu değil. Başka bir bot seçin."}}}},
    {"busy",
     {{{"nb", "Boten svarer fortsatt på forrige melding. Vent litt."},
       {"nn", "Boten svarar framleis på førre melding. Vent litt."},
       {"en", "The bot is still answering your last message. Please wait."},
       {"ar", "الروبوت ما زال يجيب على رسالتك السابقة. انتظر قليلاً."},
       {"uk", "Бот ще відповідає на попереднє повідомлення. Зачекайте."},
       {"so", "Bot-ku wali wuu ka jawaabayaa farriintii hore. Sug."},
       {"ti", "ቦት ገና ንዝሓለፈ መልእኽቲ ይምልስ ኣሎ። ቁሩብ ተጸበ።"},
       {"prs", "ربات هنوز به پیام قبلی پاسخ می‌دهد. کمی صبر کنید."},
       {"pl", "Bot wciąż odpowiada na poprzednią wiadomość. Poczekaj chwilę."},
       {"tr", "Bot hâlâ önceki mesajınızı yanıtlıyor. Lütfen bekleyin."}}}},
    {"too_many_attempts",
     {{{"nb", "For mange feil koder. Vent noen minutter og prøv igjen."},
       {"nn", "For mange feil kodar. Vent nokre minutt og prøv igjen."},
       {"en", "Too many wrong codes. Wait a few minutes and try again."},
       {"ar", "رموز خاطئة كثيرة. انتظر بضع دقائق ثم حاول مرة أخرى."},
       {"uk", "Забагато неправильних кодів. Зачекайте кілька хвилин і спробуйте знову."},
       {"so", "Koodh khaldan oo badan. Sug dhowr daqiiqo oo mar kale isku day."},
       {"ti", "ብዙሕ ጌጋ ኮድ። ንውሑዳት ደቓይቕ ተጸበ እሞ እንደገና ፈትን።"},
       {"prs", "کدهای اشتباه زیاد. چند دقیقه صبر کنید و دوباره کوشش کنید."},
       {"pl", "Za dużo błędnych kodów. Poczekaj kilka minut i spróbuj ponownie."},
       {"tr", "Çok fazla yanlış kod. Birkaç dakika bekleyip tekrar deneyin."}}}},
    {"internal",
     {{{"nb", "Noe gikk galt hos oss. Prøv igjen."},
       {"nn", "Noko gjekk gale hos oss. Prøv igjen."},
       {"en", "Something went wrong on our side. Try again."},
       {"ar", "حدث خطأ من جهتنا. حاول مرة أخرى."},
       {"uk", "Сталася помилка з нашого боку. Спробуйте ще раз."},
       {"so", "Wax baa dhinaceena ka khaldamay. Mar kale isku day."},
       {"ti", "ካብ ወገንና ጌጋ ተፈጢሩ። እንደገና ፈትን።"},
       {"prs", "از طرف ما مشکلی پیش آمد. دوباره کوشش کنید."},
       {"pl", "Coś poszło nie tak po naszej stronie. Spróbuj ponownie."},
       {"tr", "Bizim tarafımızda bir sorun oluştu. Tekrar deneyin."}}}},
};

}  // namespace

std::string_view message(std::string_view key, std::string_view lang) {
  for (const auto& m : kMessages) {
    if (m.key != key) continue;
    for (std::string_view want : {lang, std::string_view("en"), std::string_view("nb")})
      for (const auto& [code, text] : m.texts)
        if (code == want) return text;
  }
  return key;
}

std::string_view quick_choice_text(std::string_view quick) {
  if (quick == "simpler") return "Kan du si det enklere?";
  if (quick == "more") return "Kan du si mer?";
  if (quick == "my_language") return "Kan du forklare det på mitt språk?";
  return {};
}

}  // namespace voki::i18n
