# Сторінки для працівників, кіоск біля входу, табло в залі очікування
# і сторінка талона на телефоні його власника.

## Вхід і стартова сторінка

login-title = Вхід для працівників
login-email = Адреса електронної пошти
login-password = Пароль
login-submit = Увійти
login-failed = Не вдалося увійти
login-refused = Неправильна адреса електронної пошти або пароль.
# $seconds: секунди до наступної спроби
login-slow = Забагато невдалих спроб. Будь ласка, спробуйте ще раз через { $seconds } { $seconds ->
    [one] секунду
    [few] секунди
    [many] секунд
   *[other] секунди
}.
login-needed = Будь ласка, увійдіть. Після { $minutes } хв бездіяльності сеанс завершується.
logged-out = Ви вийшли із системи.

staff-nav = Працівники
staff-home = Огляд
staff-today = Огляд дня
staff-desk = Віконце
staff-checkin = Рецепція
staff-display = Табло
staff-audit = Журнал
staff-users = Користувачі
# $who: адреса електронної пошти особи, яка увійшла
staff-logout = Вийти ({ $who })
staff-index-title = Ваші відділення

forbidden-title = Немає доступу
forbidden-text = Ця сторінка недоступна для Вашої ролі або Вашого відділення.

password-title = Змінити пароль
password-current = Поточний пароль
password-new = Новий пароль
password-new-hint = Щонайменше 12 символів. Після зміни інші Ваші сеанси завершаться.
password-submit = Змінити пароль
password-changed = Пароль змінено. Інші Ваші сеанси завершено.
password-wrong = Поточний пароль неправильний.
password-weak = Новий пароль має містити щонайменше 12 символів.

## Талони

ticket-waiting = очікує
ticket-called = викликано
ticket-serving = обслуговується
ticket-done = завершено
ticket-no-show = неявка
ticket-missed = пропущено
ticket-back = знову очікує
ticket-transferred = переадресовано
ticket-parked = відкладено
status-checked-in = зареєстровано на місці

# $lo, $hi: хвилини
wait-range = приблизно { $lo }–{ $hi } хв
ticket-your-number = Ваш номер у черзі
ticket-late = Ви прийшли пізніше за час свого запису. Ми викличемо Вас, щойно звільниться віконце.
ticket-urgent = Терміново: Вас викличуть у першу чергу.
# $wait: очікуваний час очікування, наприклад «приблизно 10–20 хв»
ticket-wait = Орієнтовний час очікування: { $wait }
ticket-watch = Стежте за табло в залі очікування: там з'явиться Ваш номер і віконце.
ticket-qr = QR-код: стежте за своїм талоном на власному телефоні
ticket-follow = Стежити за талоном на телефоні

## Рецепція і кіоск

checkin-code = Код запису
checkin-code-hint = Його вказано в листі з підтвердженням: 9 символів, наприклад 7K3M-9QXD-4. Або піднесіть QR-код до сканера.
checkin-urgent = Терміново (виклик у першу чергу)
checkin-submit = Зареєструватися й отримати талон
# $office: назва відділення
checkin-title = Рецепція — { $office }
walkin-title = Без запису
walkin-intro = Талони без запису видаємо, поки сьогодні є вільні місця для відвідувачів без запису.
walkin-services = Послуги
walkin-submit = Отримати талон
# $counter: розділ, $when: день і час
walkin-full = { $counter }: на сьогодні вільних місць без запису більше немає. Найближчий вільний час для запису: { $when }.
walkin-full-none = { $counter }: на сьогодні вільних місць без запису більше немає. Будь ласка, запишіться на прийом онлайн.
kiosk-title = Реєстрація — { $office }
kiosk-intro = Ви записані на прийом? Введіть код запису або піднесіть до сканера QR-код із листа.
kiosk-next = Готово — наступний відвідувач
kiosk-locked = Цей пристрій ще не активовано як кіоск. Адміністратор один раз вводить тут ключ, який видала команда «termin kiosk add».
kiosk-token = Ключ кіоска
kiosk-unlock = Активувати як кіоск
kiosk-unlock-wrong = Цей ключ не належить жодному кіоску цього відділення.
kiosk-unlock-here = Активувати цей пристрій як кіоск
kiosk-unlock-label = Назва пристрою (наприклад, «Вхід ліворуч»)

code-length = Код запису складається з 9 символів.
code-character = Код запису містить лише літери та цифри.
code-check = У коді запису є помилка. Будь ласка, перевірте його ще раз.
checkin-unknown = Тут немає запису з таким кодом.
# $status: стан запису словами
checkin-closed = Стан цього запису: { $status }. Зареєструвати його не можна.
checkin-not-confirmed = Цей запис ще не підтверджено. Будь ласка, підтвердьте його за посиланням у листі або зверніться на рецепцію.
# $number: номер талона
checkin-already = Цей запис уже зареєстровано (талон { $number }).
# $date: день прийому
checkin-not-today = Цей запис на { $date }, а не на сьогодні.
# $time: з якого часу
checkin-too-early = Зареєструватися можна з { $time }.

## Віконце

desk-title-choose = Оберіть віконце
desk-which = Віконце
desk-counters = Розділи, які Ви обслуговуєте
desk-start = Почати
# $desk: назва віконця
desk-title = Віконце { $desk }
# $number: номер талона
desk-current = Талон { $number }
desk-state = Стан
# $n: котрий раз викликано
desk-calls = ({ $n }-й виклик)
desk-name = Ім'я
desk-appointment = Запис
desk-arrived = На місці — почати
desk-recall = Викликати ще раз
# $seconds: секунди
desk-recall-in = Повторний виклик можливий через { $seconds } с.
desk-no-show = Неявка
desk-resume = Продовжити обслуговування
desk-back = Повернути в чергу
desk-done = Завершити
desk-handled = Фактично надані послуги
desk-park = Відкласти
desk-parked = Відкладено в цьому віконці
desk-transfer = Переадресувати
desk-transfer-to = До розділу
desk-call-next = Викликати наступного відвідувача
desk-waiting = Очікують
# $n: кількість
desk-waiting-count = { $n }
desk-change = Змінити віконце або розділи
desk-nobody = У Ваших розділах ніхто не очікує.
desk-unknown = У цьому відділенні немає такого віконця.
# $number: талон, $state: його стан словами
desk-busy = У Вас ще відкритий талон { $number } ({ $state }). Будь ласка, спершу завершіть його.
desk-unknown-ticket = Сьогодні тут немає такого талона.
desk-not-allowed = Талон { $number } має стан «{ $state }»: зараз це неможливо.
desk-stale = Талон { $number } тим часом змінився (зараз: { $state }). Сторінка показує актуальний стан.
# $desk: віконце, до якого його викликано
desk-wrong-desk = Талон { $number } викликано до віконця { $desk }, а не до цього.
desk-recall-too-soon = Талон { $number } можна буде викликати ще раз через { $seconds } с.
desk-urgent-already = Талон { $number } уже позначено як терміновий.
desk-invalid = Будь ласка, перевірте: { $detail }

# $desk: віконце, $minutes: скільки хвилин триває
alert-from = Екстрений виклик із віконця { $desk } (уже { $minutes } хв)
alert-coming = Я йду
alert-raise = Екстрений виклик на всі віконця
alert-gone = На цей екстрений виклик уже відповіли.

## Огляд дня

# $office: назва відділення
today-title = Сьогодні — { $office }
today-none = Сьогодні ще нічого немає.
today-ticket = Номер
today-arrived = Прибуття
today-waited = Очікування
today-desk = Віконце
today-walk-in = без запису
today-urgent = терміново
# $n: особи
today-persons = { $n } ос.
# $n: хвилини
today-minutes = { $n } хв

## Табло в залі очікування

# $office: назва відділення
display-title = Виклики — { $office }
display-calls = Викликано
display-none = Ще нікого не викликано.
display-to = до
# $desk: віконце
display-desk = Віконце { $desk }
display-before = Раніше
display-waiting = Очікують
display-sound = Увімкнути звук

follow-title = Ваш номер у черзі
# $desk: віконце
follow-called = Вас викликано: будь ласка, підійдіть до віконця { $desk }.
follow-over = Цей талон уже закрито.
# $n: скільки людей чекає перед Вами
follow-position = { $n ->
    [0] Ви наступні в черзі.
    [one] Перед Вами: { $n } особа.
    [few] Перед Вами: { $n } особи.
    [many] Перед Вами: { $n } осіб.
   *[other] Перед Вами: { $n } особи.
}
follow-reload = Ця сторінка оновлюється автоматично.
follow-refresh = Оновити зараз

## Журнал

audit-title = Журнал
audit-office = Відділення
audit-every-office = усі відділення
audit-from = З
audit-to = По
audit-show = Показати
audit-none = За цей період подій немає.
# $n: кількість подій
audit-count = { $n } { $n ->
    [one] подія
    [few] події
    [many] подій
   *[other] події
}, спочатку найновіші
audit-when = Коли
audit-who = Хто
audit-what = Що
audit-ticket = Талон
audit-detail = Подробиці

## Користувачі, API-ключі, кіоски

users-title = Користувачі та доступ
users-list = Користувачі
users-role = Роль
users-state = Стан
users-actions = Дії
users-active = активний
users-disabled = заблокований
users-reset = Новий пароль
# $who: адреса електронної пошти
users-reset-who = Новий пароль для { $who }
users-disable = Заблокувати
users-disable-who = Заблокувати { $who }
users-add = Додати користувача
users-office-hint = Спеціалісти й керівництво належать до одного відділення, адміністратори — до всіх.
users-password-hint = Пароль буде згенеровано й показано один раз.
users-add-submit = Додати
# $who: адреса електронної пошти
shown-password = Пароль для { $who }
shown-key = API-ключ «{ $what }»
shown-kiosk = Ключ кіоска «{ $what }»
shown-once = Видно лише зараз: будь ласка, передайте його безпечним способом. Зберігається лише хеш.
user-disabled = Користувача { $who } заблоковано, його сеанси завершено.
user-role = Такої ролі не існує.
user-email = Це не адреса електронної пошти.
user-office = Такого відділення не існує.
user-office-missing = Спеціалісти й керівництво належать до відділення: будь ласка, оберіть його.
user-exists = Для цієї адреси електронної пошти вже є обліковий запис.
user-unknown = Облікового запису з цією адресою електронної пошти немає.
user-label = Назва — це один рядок довжиною від 1 до 100 символів.
user-forbidden = Це може робити лише адміністратор або керівництво — для спеціалістів свого відділення.
keys-title = API-ключі
keys-none = API-ключів ще немає.
keys-add = Створити API-ключ
keys-add-submit = Створити ключ
kiosks-title = Кіоски
kiosks-intro = Кіоск — це пристрій біля входу, на якому відвідувачі самі реєструються. Відкрийте на пристрої сторінку /kiosk/ потрібного відділення та введіть там ключ.
kiosks-none = Жодного кіоска не активовано.
kiosks-add = Активувати кіоск
kiosks-add-submit = Створити ключ
label = Назва
revoke = Відкликати
# $what: назва
revoke-what = Відкликати { $what }
revoked = Відкликано: ключ більше не діє.

## Статистика (керівництво відділення, адміністратори)

staff-statistics = Статистика
# $office: назва відділення
stats-title = Статистика — { $office }
stats-from = З
stats-to = По
stats-by = Групувати за
stats-by-day = днями
stats-by-week = тижнями
stats-by-month = місяцями
stats-counter = Розділ
stats-all-counters = усі розділи
stats-show = Показати
stats-csv = Завантажити як CSV
stats-summary = За весь період
stats-made = Оформлено записів
stats-appointments = Записи
stats-confirmed = Підтверджено
stats-cancelled = Скасовано
stats-expired = Анульовано (не підтверджено)
stats-no-shows = Неявки
stats-came = З'явилися
stats-walk-ins = Без запису
stats-served = Обслуговано
stats-waiting-median = Час очікування (медіана)
stats-waiting-p90 = Час очікування (90 %)
stats-within-15 = Викликано протягом 15 хвилин після часу запису
# $minutes: цільовий час очікування відділення
stats-over-target = Чекали довше ніж { $minutes } хв
stats-lead = Час від оформлення запису до прийому (медіана)
stats-utilisation = Завантаженість
stats-periods = Показники за періодами
stats-period = Період
stats-chart-appointments = Записи за періодами
stats-chart-waiting = Час очікування за періодами (медіана, хвилини)
stats-handling = Тривалість обслуговування за послугами, на одну особу
stats-service = Послуга
stats-cases = Випадки
stats-planned = Заплановано
stats-suggested = Пропозиція
# $n: найменша кількість випадків
stats-suggested-hint = Пропозиція з'являється, коли є щонайменше { $n } { $n ->
        [one] випадок
        [few] випадки
        [many] випадків
       *[other] випадку
    }: це медіана, округлена вгору до кроку часової сітки розділу. Автоматично вона не застосовується.
stats-ahead = Завантаженість на найближчі тижні
stats-week = Тиждень
stats-booked = Записано (хвилини)
stats-bookable = Доступно для запису (хвилини)
# $n: хвилини
stats-minutes = { $n } хв
# $n: дні
stats-days = { $n ->
    [one] { $n } день
    [few] { $n } дні
    [many] { $n } днів
   *[other] { $n } дня
}
stats-mistakes = Такий період показати неможливо
stats-range-too-long = Не більше ніж { $days } { $days ->
        [one] день
        [few] дні
        [many] днів
       *[other] дня
    } за один раз.
stats-range-backwards = Дата «По» не може бути раніше за дату «З».
# $field: назва поля
stats-range-invalid = Будь ласка, перевірте поле «{ $field }».
stats-again = Назад до статистики
stats-percent = { $n } %
stats-p90 = 90 %
stats-median = Медіана

## Завантаженість тижня (керівництво відділення, адміністратори)

staff-week = Тиждень
# $date: понеділок цього тижня, $office: назва відділення
week-title = Тиждень з { $date } — { $office }
week-earlier = Попередній тиждень
week-later = Наступний тиждень
week-day = Тиждень, до якого входить день
week-legend = У кожній клітинці: хвилини роботи віконець, зайняті записами / хвилини роботи віконець, доступні цієї години для онлайн-запису; під ними зі знаком «+» — хвилини роботи віконець для відвідувачів без запису. Що заповненіша година, то щільніше й темніше її штрихування.
week-hour = Година
week-closed = зачинено
# $minutes: тривалість одного проміжку часу, $max: найбільша кількість осіб на проміжок
week-arrivals = Очікувані прибуття на кожні { $minutes } хв (щонайбільше { $max } { $max ->
        [one] особа
        [few] особи
        [many] осіб
       *[other] особи
    })
week-window = Проміжок часу
week-full = заповнено
