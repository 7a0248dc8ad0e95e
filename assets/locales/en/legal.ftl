# Privacy notice, accessibility statement, imprint.

privacy-title = Privacy notice
privacy-who = Who is responsible
privacy-contact = Contact for data protection questions: { $email }
privacy-what = What we store and why
privacy-what-text = For your appointment we store your name, your email address, your phone number if you give it, the services you chose, the number of persons and the time. We need them to give you the appointment, to notify you and to call you at the counter (Art. 6(1)(e) GDPR).
privacy-abuse-text = To prevent abuse we count requests per internet address for a short time in memory. While a chosen time is held for you (a few minutes), we store a hash of your internet address so that nobody blocks many times at once; then it is deleted. If times held from one address run out again and again without a booking, we keep it for up to an hour to slow down further holds.
privacy-how-long = How long
privacy-how-long-text = Name, email address and phone number are deleted { $days } days after the appointment. Statistics keep only counts that name nobody.
privacy-cookies = Cookies and third parties
privacy-cookies-text = We set only cookies that the service needs: the language (when you choose one), a random value that protects our forms against misuse by other sites (until you close the browser), and while you book a random value for the time held for you (until you close the browser). There are no tracking pixels, no advertising and no content from other providers.
privacy-rights = Your rights
privacy-rights-text = You have the right of access, rectification, erasure and restriction of processing, and the right to complain to the responsible data protection authority. You can cancel your appointment at any time with the link in your email.

accessibility-title = Accessibility statement
accessibility-intro = We want everybody to be able to use this service. This statement covers the appointment booking pages and follows the German accessible information technology ordinance (BITV 2.0).
accessibility-compliance = Compliance
accessibility-compliance-text = The pages aim to meet WCAG 2.1 level AA. They work without JavaScript and with the keyboard alone, and every change is checked automatically with axe-core in a real browser.
accessibility-feedback = Feedback and contact
accessibility-feedback-text = Did you meet a barrier? Write to us: { $email }. We usually answer within two weeks.
accessibility-conciliation = Conciliation
accessibility-conciliation-text = If you do not receive a satisfactory answer, you can turn to the conciliation body of your state under disability equality law.

imprint-title = Imprint
imprint-provider = This service is provided by:
imprint-email = Email: { $email }
imprint-software = The booking software is Termin, open-source software.
