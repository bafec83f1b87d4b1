/** In-framework tests of the DigitDesk runtime. */
package com.digitdesk.itest;
